"""Write the gallery's replies as flex-preview input: .venv/bin/python docs/gallery/replies.py OUT_DIR

One JSON per reply type and language, answered by the bot from the repo's knowledge/ exactly as the webhook would.
`docs/gallery/draw.sh` renders them with ../shared/tools/flex-preview and joins the four languages per reply type.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from monsterbot.conversation import Answer, Conversation
from monsterbot.sources.live import LiveKnowledge
from monsterbot.sources.yaml_files import YamlSource

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = ("zh-TW", "zh-CN", "en", "ja")

#: What a player sends for each reply type, per language (FOLLOW: a new friend; none in words).
ASKED: dict[str, tuple[str, str, str, str]] = {
    "weakness": ("火龍", "火龙", "rathalos", "リオレウス"),
    "hitzones": ("滅盡龍 肉質", "灭尽龙 肉质", "nergigante hitzones", "ネルギガンテ 肉質"),
    "compare": ("火龍 vs 雌火龍", "火龙 vs 雌火龙", "rathalos vs rathian", "リオレウスとリオレイア"),
    "reverse": ("哪些魔物怕雷", "哪些怪物怕雷", "weak to thunder", "雷属性が弱点"),
    "which_one": ("轟", "轰", "rath", "リオ"),
    "did_you_mean": ("麒", "惨", "tigerx", "リオレウズ"),
    "small_talk": ("謝謝", "谢谢", "hi", "ありがとう"),
    "help": ("說明", "帮助", "help", "ヘルプ"),
    "greeting": ("FOLLOW",) * 4,
    "materials": ("火龍 素材", "火龙 素材", "rathalos materials", "リオレウス 素材"),
    "item_sources": ("火龍紅玉怎麼拿", "火龙红玉怎么拿", "where do I get rathalos ruby", "火竜の紅玉の入手方法"),
    "field_guide": ("火龍 異常", "火龙 异常", "what does rathalos inflict", "リオレウス 状態異常攻撃"),
}


def answer(conversation: Conversation, asked: str, language: str) -> Answer:
    return conversation.greet(language) if asked == "FOLLOW" else conversation.reply_to_text(asked)


def main(out: Path) -> None:
    live = LiveKnowledge(YamlSource([REPO / "knowledge"]).load)
    live.reload(strict=True)
    conversation = Conversation(live)
    out.mkdir(parents=True, exist_ok=True)
    for kind, queries in ASKED.items():
        for language, asked in zip(LANGUAGES, queries, strict=True):
            replied = answer(conversation, asked, language)
            shown = "(follow)" if asked == "FOLLOW" else asked
            request = {"query": shown, "language": language, "messages": [m.data for m in replied.messages]}
            (out / f"{kind}-{language}.json").write_text(json.dumps(request, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
