"""High-touch cycle figure renders; the value-statement builder works headless."""
import warnings
from io import BytesIO

from keyaccount.high_touch import chart
from keyaccount.high_touch.widget import ValueStatementBuilder


def test_cycle_alignment_renders_both_cycles():
    fig = chart.cycle_alignment()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(BytesIO(), format="png")
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"发现", "传递价值", "业务驱动", "开展业务"} <= texts


def test_builder_refuses_empty_blanks_then_writes_the_statement():
    w = ValueStatementBuilder(template=3)
    assert "还没有填写" in w.result.value
    assert w.rows["频率"].layout.display == "none"       # the blank and its label are hidden
    for name, text in {"解决方案": "云 ERP", "紧急而重要的事项": "批次追溯要求",
                       "可衡量的成果": "追溯时间缩短到 2 小时", "风险/回报分享策略": "里程碑付款"}.items():
        w.controls[name].value = text
    assert "我们通过实施云 ERP" in w.result.value
    w.controls["template"].value = 2
    assert w.rows["频率"].layout.display is None and "还没有填写" in w.result.value
