"""The physical tree 物理树状图: the customer's org chart with approval chains and CR levels."""
