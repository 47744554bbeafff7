"""Case files: every case in cases/ loads; a broken file gives an error naming file and field."""
import pytest

from keyaccount import cases
from keyaccount.cases import CaseFileError, load_case
from keyaccount.funnel.case import FunnelCase, load_funnel_case


def test_funnel_cases_load():
    names = cases.list_cases(kind="funnel")
    assert {"funnel_usm_software", "funnel_exercise_hardware"} <= set(names)
    for name in names:
        assert load_funnel_case(name).title


def write(tmp_path, text):
    path = tmp_path / "client.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def good_text(root):
    return (root / "cases" / "funnel_usm_software.yaml").read_text(encoding="utf-8")


def test_unknown_case_lists_the_available_ones():
    with pytest.raises(CaseFileError, match="找不到案例 'nope'。可用的案例：.*funnel_usm_software"):
        load_funnel_case("nope")


def test_wrong_type_names_the_field(tmp_path, root):
    path = write(tmp_path, good_text(root).replace("intent: 169", "intent: 很多"))
    with pytest.raises(CaseFileError) as err:
        load_case(path, FunnelCase)
    assert "client.yaml" in str(err.value)
    assert "small_projects.intent：应该是整数（收到 '很多'）" in str(err.value)


def test_missing_and_misspelled_fields_are_named(tmp_path, root):
    text = good_text(root).replace("  quota: 186", "  quote: 186")
    with pytest.raises(CaseFileError) as err:
        load_case(write(tmp_path, text), FunnelCase)
    assert "performance.quota：缺少这个必填字段" in str(err.value)
    assert "performance.quote：不认识这个字段" in str(err.value)


def test_negative_value_is_refused(tmp_path, root):
    text = good_text(root).replace("achieved: 30.92", "achieved: -30.92")
    with pytest.raises(CaseFileError, match=r"performance.achieved：应 ≥ 0"):
        load_case(write(tmp_path, text), FunnelCase)


def test_invalid_yaml_gives_the_line(tmp_path):
    with pytest.raises(CaseFileError, match="第 2 行"):
        load_case(write(tmp_path, "kind: funnel\ntitle: a: b\n"), FunnelCase)


def test_gbk_file_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("kind: funnel\ntitle: 华东区\n".encode("gbk"))
    with pytest.raises(CaseFileError, match="不是 UTF-8 编码"):
        load_case(str(path), FunnelCase)


def test_wrong_kind_is_refused(tmp_path):
    with pytest.raises(CaseFileError, match="kind 应为 'funnel'"):
        load_case(write(tmp_path, "kind: swot\ntitle: x\n"), FunnelCase)


def test_wrapped_chinese_story_has_no_stray_spaces(tmp_path, root):
    text = good_text(root).replace(
        "story: 某公司软件产品线", "story: >-\n  某公司软件\n  产品线 186 万元，\n  还剩 8 周\n# ")
    case = load_case(write(tmp_path, text), FunnelCase)
    assert case.story.startswith("某公司软件产品线 186 万元，还剩 8 周")
