"""Attack/defend customer segmentation 客户细分的攻守模型 (source 002): purchase potential ×
customer share → 获取/保留/侵扰/维持/放弃, the strategy and resources per segment, and the
balanced-scorecard indicators for attack vs defend.

Three layers: ``model``, ``chart`` (scatter with regions), ``widget`` (thresholds);
``case`` reads a customer list.
"""
