"""Fishbone editor driven headless."""
from keyaccount.fishbone import model
from keyaccount.fishbone.widget import FishboneEditor


def test_add_and_move_a_cause():
    editor = FishboneEditor(model.Fishbone("拿下项目"))
    editor.new_cause.value, editor.new_bone.value = "徐经理担心网络稳定", "客户关系"
    editor.add.click()
    assert editor.fishbone.on("客户关系")[0].text == "徐经理担心网络稳定"
    assert editor.new_cause.value == ""
    editor.cause.value, editor.to_bone.value = "C1", "服务策略"
    editor.move.click()
    assert editor.fishbone.cause("C1").bone == "服务策略"
    assert editor.figure.value.tobytes().startswith(b"\x89PNG")


def test_empty_cause_gives_a_message_not_a_crash():
    editor = FishboneEditor(model.Fishbone("拿下项目"))
    editor.add.click()
    assert "不能为空" in editor.result.value and editor.fishbone.causes == ()


def test_empty_bones_are_pointed_out():
    editor = FishboneEditor(model.Fishbone("拿下项目", bones=("客户关系", "竞争对手")))
    assert "客户关系、竞争对手" in editor.result.value


def test_a_cause_is_chosen_to_move_as_soon_as_there_is_one():
    editor = FishboneEditor(model.Fishbone("拿下项目"))
    assert editor.cause.value is None
    editor.new_cause.value = "徐经理担心网络稳定"
    editor.add.click()
    assert editor.cause.value == "C1"
    editor.to_bone.value = "服务策略"
    editor.move.click()
    assert editor.fishbone.cause("C1").bone == "服务策略" and editor.cause.value == "C1"
