"""The funnel calculator driven headless: set inputs, read the recomputed outputs."""
from keyaccount.funnel.case import load_funnel_case
from keyaccount.funnel.widget import FunnelCalculator


def make():
    return FunnelCalculator(load_funnel_case("funnel_usm_software").small_funnel())


def test_initial_values_are_the_case():
    calc = make()
    assert "82.45" in calc.result.value and "88.00" in calc.result.value
    assert bytes(calc.figure.value).startswith(b"\x89PNG")


def test_moving_inputs_recomputes_forecast_gap_and_chart():
    calc = make()
    before = calc.figure.value
    calc.controls["intent"].value = 300          # 300×0.2 + 49×0.35 + 45×0.7 = 108.65
    assert "108.65" in calc.result.value
    assert "35.60" in calc.result.value           # 372 − 217.3 − 119.1
    assert calc.figure.value != before
    calc.rates[2].value = 1.0                      # 谈判 all close: 60 + 17.15 + 45 = 122.15
    assert "122.15" in calc.result.value


def test_surplus_is_reported_when_quota_is_met():
    calc = make()
    calc.controls["quota"].value = 200
    assert "预计超出定额" in calc.result.value


def test_bad_input_shows_a_chinese_message_instead_of_crashing():
    calc = make()
    calc.controls["unit_value"].value = 0
    assert "输入有误" in calc.result.value and "单产 必须大于 0" in calc.result.value
    calc.controls["unit_value"].value = 2
    assert "82.45" in calc.result.value
