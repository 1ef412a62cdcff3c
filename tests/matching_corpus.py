"""Write the labelled corpus of what players type (tests/data/matching_corpus_{tune,heldout}.tsv).

Run `python -m tests.matching_corpus` after adding a block. Each block names its source (the SOURCES table; the
address is written in both files' headers). Lines are split ONCE into a tuning half and a held-out half by a hash
of the line itself, so adding lines never moves an existing one: tune on the first file, report on the second.

Positive lines come from the names the game's own text gives in each language (the knowledge's official names,
imported from ../shared/data) and the sourced aliases, put in the ways players write questions; negative lines
are hand-written from public pages about other franchises and everyday words, each block citing its page.
Columns: language, class, query, expected, source. Expected is a monster id (a confident answer), "none",
"ambiguous:a,b" (ask which, naming at least those), "compare:a,b,c" (a comparison of exactly those),
"reverse:<element>" (which monsters are weak to it) or "unknown:<base>" (a variant the knowledge lacks: no
answer, offer the base).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from monsterbot.core.model import Monster

DATA = Path(__file__).parent / "data"
TUNE = DATA / "matching_corpus_tune.tsv"
HELDOUT = DATA / "matching_corpus_heldout.tsv"

SOURCES = {
    "game-text": "the game's own monster names per language: ../shared/data/mhws-in-json (Wilds, EnemyText.msg.23.json), "
    "mhworlddata and hunterpie-localization (World, Rise), as imported into knowledge/monsters",
    "aliases": "the knowledge's aliases (knowledge/README.md, Nickname sources, and editors' aliases)",
    "wikiwiki-ryakusho": "https://wikiwiki.jp/nenaiko/%E3%82%B2%E3%83%BC%E3%83%A0%E7%94%A8%E8%AA%9E/%E7%95%A5%E7%A7%B0 "
    "(variants are called by the short name with a colour before it: ディアブロス亜種→黒ディア)",
    "wikiwiki-betsumei": "https://wikiwiki.jp/nenaiko/%E3%82%B7%E3%82%B9%E3%83%86%E3%83%A0/%E5%88%A5%E5%90%8D "
    "(亜種 and 希少種 names built on the base's 別名: 蒼火竜)",
    "pixiv-kokuenou": "https://dic.pixiv.net/history/view/2620869 (黒炎王リオレウス, a 二つ名 individual; 紫毒姫リオレイア)",
    "moegirl-legiana": "https://moegirl.uk/index.php?title=%E9%A3%8E%E6%BC%82%E9%BE%99&variant=zh-tw "
    "(中國玩家誤稱:風飄龍)",
    "moegirl-terms": "https://moegirl.icu/%E6%80%AA%E7%89%A9%E7%8C%8E%E4%BA%BA%E7%B3%BB%E5%88%97/%E7%94%A8%E8%AF%AD%E4%B8%8E%E6%A2%97",
    "zaltan-rise": "https://www.zaltangaming.com/mhrs-monsters-nickname/ (Rise players' short names: アマツ, レウス)",
    "pokemon-zh": "https://www.wikiwand.com/zh-my/articles/%E5%AF%B6%E5%8F%AF%E5%A4%A2%E5%88%97%E8%A1%A8 and "
    "http://www.htgjj.com/sjwy/zixun-30688.html (小火龍, 噴火龍)",
    "pokemon-hk": "https://zh.hk01.com/article/33467 (比卡超, 爛泥獸, 雪童子, 冰鬼護)",
    "pokemon-ja": "http://jp.hjenglish.com/new/p179012/ (リザードン/喷火龙, リザード/火恐龙)",
    "genshin": "https://m.yd166.com/jingyan/5646710687.html (原神 enemies: 若陀龙王, 古岩龙蜥, 无相之雷)",
    "lol": "https://kkannews.com/51125542.html (League of Legends heroes and their nicknames)",
    "identity-v": "http://zyrccn.org/gl/174839.html (第五人格 hunters and their nicknames)",
    "dq10": "http://www.dq10data.com/mame_sa3.html and http://www.dq10data.com/mame_ha3.html (Dragon Quest X monsters)",
    "bestiary": "https://www.imslr.com/forum.php?mod=viewthread&ordertype=2&tid=4013 (legendary creatures: Behemoth, "
    "Basilisk, Chimera, Cockatrice)",
    "dragcave": "https://dragcave.fandom.com/zh/wiki/%E9%AD%94%E5%85%89%E9%BE%8D (Dragon Cave: 魔光龍)",
    "everyday": "everyday words and sentences of each language that hold a name or begin like one (written here; the "
    "words are in any dictionary: jieba's for Chinese, as monsterbot/core/matching/everyday_words_dictionary.txt)",
    "chitchat": "what people type to a chatbot that is not a question (written here)",
}

TEMPLATES = {
    "zh-TW": ("{n}", "{n}弱點", "{n}弱什麼", "{n} 弱點", "請問{n}的弱點", "{n}怕什麼屬性", "{n}的弱點是什麼", "{n}要用什麼屬性",
              "{n}肉質", "{n}怎麼打", "{n}弱點?"),
    "zh-CN": ("{n}", "{n}弱点", "{n}弱什么", "请问{n}的弱点", "{n}怕什么属性", "{n}的弱点是什么", "{n}用什么属性", "{n}肉质",
              "{n}怎么打", "{n} 弱点"),
    "en": ("{n}", "{n} weakness", "what is {n} weak to", "{n} weak to", "{l} weakness", "{l}", "how do i beat {n}",
           "{n} hitzones", "{n} weaknesses?", "{l} weak"),
    "ja": ("{n}", "{n}の弱点", "{n} 弱点", "{n}の弱点は?", "{n}の弱点を教えて", "{n}の肉質", "{n}の弱点は？", "{n}弱点"),
}
GAME_NAMES = {
    "wilds": {"zh-TW": "荒野", "zh-CN": "荒野", "en": "wilds", "ja": "ワイルズ"},
    "world": {"zh-TW": "世界", "zh-CN": "世界", "en": "world", "ja": "ワールド"},
    "rise": {"zh-TW": "崛起", "zh-CN": "崛起", "en": "rise", "ja": "ライズ"},
}


def _pick(key: str, options: tuple[str, ...], count: int) -> list[str]:
    """`count` different options chosen by a hash of the key (deterministic, spread over the options)."""
    start = int(hashlib.sha1(key.encode()).hexdigest(), 16)
    return [options[(start + i * 7) % len(options)] for i in range(count)]


def _line(language: str, kind: str, query: str, expected: str, source: str) -> tuple[str, ...]:
    return (language, kind, query, expected, source)


def names_block(monsters: list[Monster]) -> list[tuple[str, ...]]:
    """Every official name in every language, in two ways of asking, plus one with its game named."""
    out = []
    for monster in monsters:
        for language, name in monster.names.items():
            for template in _pick(f"{monster.id}/{language}", TEMPLATES[language], 2):
                out.append(_line(language, "name", template.format(n=name, l=name.lower()), monster.id, "game-text"))
            game = monster.newest_game()
            if game and language in ("zh-TW", "en"):
                out.append(_line(language, "name+game", f"{GAME_NAMES[game][language]} {name}", monster.id, "game-text"))
    return out


def aliases_block(monsters: list[Monster]) -> list[tuple[str, ...]]:
    """Every alias in one way of asking (an alias several monsters share asks which)."""
    out = []
    for monster in monsters:
        for language, aliases in monster.aliases.items():
            for alias in aliases:
                sharing = sorted({m.id for m in monsters if alias in m.aliases.get(language, ())})
                expected = monster.id if len(sharing) == 1 else "ambiguous:" + ",".join(sharing)
                if len(sharing) > 1 and monster.id != sharing[0]:
                    continue
                for template in _pick(f"{monster.id}/{alias}", TEMPLATES[language], 1):
                    out.append(_line(language, "alias", template.format(n=alias, l=alias.lower()), expected, "aliases"))
    return out


#: Variant word + shortened base name, in the four languages (the structure of wikiwiki's 略称 and 別名 pages).
VARIANTS = [
    ("ja", "レウス亜種", "azure-rathalos"), ("ja", "レウス希少種", "silver-rathalos"), ("ja", "レイア亜種", "pink-rathian"),
    ("ja", "レイア希少種", "gold-rathian"), ("ja", "ディア亜種", "black-diablos"), ("ja", "ティガ亜種", "brute-tigrex"),
    ("ja", "ディノ亜種", "acidic-glavenus"), ("ja", "ナルガ希少種", "lucent-nargacuga"), ("ja", "ミツネ希少種", "violet-mizutsune"),
    ("ja", "エスピ亜種", "flaming-espinas"), ("ja", "アンジャ亜種", "fulgur-anjanath"), ("ja", "オドガロン亜種の弱点", "ebony-odogaron"),
    ("ja", "銀レウスの弱点", "silver-rathalos"), ("ja", "金レイア 弱点", "gold-rathian"), ("ja", "蒼レウス", "azure-rathalos"),
    ("ja", "桜レイアの肉質", "pink-rathian"), ("ja", "黒ディアの弱点", "black-diablos"), ("ja", "黒ティガ", "brute-tigrex"),
    ("ja", "銀火竜", "silver-rathalos"), ("ja", "金火竜の弱点", "gold-rathian"), ("ja", "蒼火竜", "azure-rathalos"),
    ("ja", "桜火竜", "pink-rathian"), ("ja", "黒角竜の弱点", "black-diablos"), ("ja", "リオレウス亜種の弱点", "azure-rathalos"),
    ("ja", "リオレイア希少種の弱点は?", "gold-rathian"), ("ja", "ジンオウガ亜種", "stygian-zinogre"), ("ja", "ベリオロス亜種", "unknown:barioth"),
    ("ja", "ナルガ亜種", "unknown:nargacuga"), ("ja", "ナルガクルガ亜種の弱点", "unknown:nargacuga"), ("ja", "ティガ希少種", "unknown:tigrex"),
    ("ja", "ラギア亜種", "unknown:lagiacrus"), ("ja", "グラビモス亜種の弱点", "unknown:gravios"), ("ja", "ゲリョス亜種", "unknown:gypceros"),
    ("ja", "イャンクック亜種", "unknown:yian-kut-ku"), ("ja", "ドドブランゴ亜種", "unknown:blangonga"), ("ja", "銀レイア", "unknown:rathian"),
    ("ja", "金レウス", "unknown:rathalos"), ("ja", "黒レウス", "unknown:rathalos"), ("ja", "白ナルガ", "unknown:nargacuga"),
    ("ja", "緑ナルガ", "unknown:nargacuga"), ("ja", "プケプケ亜種の弱点", "coral-pukei-pukei"), ("ja", "トビカガチ亜種", "viper-tobi-kadachi"),
    ("ja", "パオウルムー亜種", "nightshade-paolumu"), ("ja", "レイギエナ亜種", "shrieking-legiana"), ("ja", "ジンオウガ亜種の弱点", "stygian-zinogre"),
    ("zh-TW", "火龍亞種", "azure-rathalos"), ("zh-TW", "火龍稀有種", "silver-rathalos"), ("zh-TW", "雌火龍亞種", "pink-rathian"),
    ("zh-TW", "雌火龍稀有種弱點", "gold-rathian"), ("zh-TW", "角龍亞種", "black-diablos"), ("zh-TW", "轟龍亞種弱點", "brute-tigrex"),
    ("zh-TW", "斬龍亞種", "acidic-glavenus"), ("zh-TW", "雷狼龍亞種", "stygian-zinogre"), ("zh-TW", "慘爪龍亞種", "ebony-odogaron"),
    ("zh-TW", "蠻顎龍亞種弱點", "fulgur-anjanath"), ("zh-TW", "毒妖鳥亞種", "coral-pukei-pukei"), ("zh-TW", "飛雷龍亞種", "viper-tobi-kadachi"),
    ("zh-TW", "浮空龍亞種", "nightshade-paolumu"), ("zh-TW", "迅龍稀有種", "lucent-nargacuga"), ("zh-TW", "泡狐龍稀有種", "violet-mizutsune"),
    ("zh-TW", "棘龍亞種", "flaming-espinas"), ("zh-TW", "泥翁龍亞種", "magma-almudron"), ("zh-TW", "天狗獸亞種", "blood-orange-bishaten"),
    ("zh-TW", "人魚龍亞種", "aurora-somnacanth"), ("zh-TW", "妃蜘蛛亞種", "pyre-rakna-kadaki"), ("zh-TW", "銀火龍弱點", "silver-rathalos"),
    ("zh-TW", "金火龍", "gold-rathian"), ("zh-TW", "蒼火龍弱點", "azure-rathalos"), ("zh-TW", "櫻火龍", "pink-rathian"),
    ("zh-TW", "迅龍亞種", "unknown:nargacuga"), ("zh-TW", "綠迅龍", "unknown:nargacuga"), ("zh-TW", "冰牙龍亞種", "unknown:barioth"),
    ("zh-TW", "海龍亞種", "unknown:lagiacrus"), ("zh-TW", "轟龍稀有種", "unknown:tigrex"), ("zh-TW", "鎧龍亞種", "unknown:gravios"),
    ("zh-TW", "黑鎧龍", "unknown:gravios"), ("zh-TW", "怪鳥亞種", "unknown:yian-kut-ku"), ("zh-TW", "雷狼龍稀有種", "unknown:zinogre"),
    ("zh-CN", "火龙亚种", "azure-rathalos"), ("zh-CN", "火龙稀有种", "silver-rathalos"), ("zh-CN", "雌火龙亚种弱点", "pink-rathian"),
    ("zh-CN", "雌火龙稀有种", "gold-rathian"), ("zh-CN", "角龙亚种", "black-diablos"), ("zh-CN", "轰龙亚种", "brute-tigrex"),
    ("zh-CN", "雷狼龙亚种弱点", "stygian-zinogre"), ("zh-CN", "惨爪龙亚种", "ebony-odogaron"), ("zh-CN", "蛮颚龙亚种", "fulgur-anjanath"),
    ("zh-CN", "迅龙稀有种", "lucent-nargacuga"), ("zh-CN", "银火龙", "silver-rathalos"), ("zh-CN", "金火龙弱点", "gold-rathian"),
    ("zh-CN", "迅龙亚种", "unknown:nargacuga"), ("zh-CN", "绿迅龙", "unknown:nargacuga"), ("zh-CN", "冰牙龙亚种", "unknown:barioth"),
    ("zh-CN", "海龙亚种", "unknown:lagiacrus"), ("zh-CN", "轰龙稀有种弱点", "unknown:tigrex"),
    ("en", "silver rathalos", "silver-rathalos"), ("en", "gold rathian weakness", "gold-rathian"), ("en", "azure rathalos", "azure-rathalos"),
    ("en", "pink rathian weak to", "pink-rathian"), ("en", "black diablos weakness", "black-diablos"), ("en", "brute tigrex", "brute-tigrex"),
    ("en", "stygian zino", "stygian-zinogre"), ("en", "stygian zinogre weakness", "stygian-zinogre"), ("en", "frostfang barry", "frostfang-barioth"),
    ("en", "frostfang barioth weakness", "frostfang-barioth"), ("en", "ebony odo", "ebony-odogaron"), ("en", "fulgur anja", "fulgur-anjanath"),
    ("en", "viper tobi weakness", "viper-tobi-kadachi"), ("en", "coral pukei", "coral-pukei-pukei"), ("en", "acidic glav weakness", "acidic-glavenus"),
    ("en", "lucent narga", "lucent-nargacuga"), ("en", "violet mizu", "violet-mizutsune"), ("en", "raging brachy", "raging-brachydios"),
    ("en", "savage jho weakness", "savage-deviljho"), ("en", "seething bazel", "seething-bazelgeuse"), ("en", "scarred garuga", "scarred-yian-garuga"),
    ("en", "nightshade paolumu weak to", "nightshade-paolumu"), ("en", "shrieking legiana", "shrieking-legiana"),
    ("en", "magma almudron weakness", "magma-almudron"), ("en", "flaming espinas", "flaming-espinas"), ("en", "pyre rakna", "pyre-rakna-kadaki"),
    ("en", "green nargacuga", "unknown:nargacuga"), ("en", "green narga weakness", "unknown:nargacuga"), ("en", "sand barioth", "unknown:barioth"),
    ("en", "ivory lagiacrus", "unknown:lagiacrus"), ("en", "molten tigrex", "unknown:tigrex"), ("en", "black gravios weakness", "unknown:gravios"),
    ("en", "purple gypceros", "unknown:gypceros"), ("en", "blue yian kut-ku", "unknown:yian-kut-ku"), ("en", "silver rathian", "unknown:rathian"),
    ("en", "gold rathalos", "unknown:rathalos"),
]
#: 二つ名 (titled) individuals the knowledge lacks: title + base name (pixiv's 黒炎王 page names the pair).
TITLES = [
    ("ja", "黒炎王リオレウス", "unknown:rathalos"), ("ja", "紫毒姫リオレイアの弱点", "unknown:rathian"), ("ja", "金雷公ジンオウガ", "unknown:zinogre"),
    ("ja", "白疾風ナルガクルガ", "unknown:nargacuga"), ("ja", "燼滅刃ディノバルド", "unknown:glavenus"), ("ja", "天眼タマミツネの弱点", "unknown:mizutsune"),
    ("ja", "荒鉤爪ティガレックス", "unknown:tigrex"), ("ja", "青電主ライゼクス", "unknown:astalos"),
    ("zh-TW", "黑炎王火龍", "unknown:rathalos"), ("zh-TW", "紫毒姬雌火龍弱點", "unknown:rathian"), ("zh-TW", "金雷公雷狼龍", "unknown:zinogre"),
    ("zh-TW", "白疾風迅龍", "unknown:nargacuga"), ("zh-TW", "燼滅刃斬龍", "unknown:glavenus"), ("zh-TW", "天眼泡狐龍弱點", "unknown:mizutsune"),
    ("zh-TW", "荒鉤爪轟龍", "unknown:tigrex"), ("zh-TW", "青電主電龍", "unknown:astalos"),
    ("zh-CN", "黑炎王火龙", "unknown:rathalos"), ("zh-CN", "紫毒姬雌火龙", "unknown:rathian"), ("zh-CN", "金雷公雷狼龙弱点", "unknown:zinogre"),
    ("zh-CN", "白疾风迅龙", "unknown:nargacuga"),
    ("en", "dreadking rathalos", "unknown:rathalos"), ("en", "dreadqueen rathian weakness", "unknown:rathian"),
    ("en", "thunderlord zinogre", "unknown:zinogre"), ("en", "silverwind nargacuga", "unknown:nargacuga"),
    ("en", "hellblade glavenus weakness", "unknown:glavenus"), ("en", "soulseer mizutsune", "unknown:mizutsune"),
    ("en", "grimclaw tigrex", "unknown:tigrex"), ("en", "boltreaver astalos", "unknown:astalos"),
]
#: A game named with a monster that game holds only as another form (the Guardian forms of Wilds).
FORMS = [
    ("zh-TW", "荒野 蠻顎龍", "guardian-fulgur-anjanath"), ("zh-TW", "荒野 慘爪龍", "guardian-ebony-odogaron"),
    ("zh-TW", "荒野 雷顎龍弱點", "guardian-fulgur-anjanath"), ("zh-TW", "荒野 兇爪龍", "guardian-ebony-odogaron"),
    ("zh-TW", "荒野的蠻顎龍弱點", "guardian-fulgur-anjanath"), ("zh-TW", "荒野 火龍", "rathalos"), ("zh-TW", "荒野 鎖刃龍", "arkveld"),
    ("zh-CN", "荒野 蛮颚龙", "guardian-fulgur-anjanath"), ("zh-CN", "荒野 惨爪龙弱点", "guardian-ebony-odogaron"),
    ("zh-CN", "荒野 雷颚龙", "guardian-fulgur-anjanath"), ("zh-CN", "荒野 凶爪龙", "guardian-ebony-odogaron"),
    ("en", "wilds anjanath", "guardian-fulgur-anjanath"), ("en", "wilds odogaron weakness", "guardian-ebony-odogaron"),
    ("en", "anjanath wilds", "guardian-fulgur-anjanath"), ("en", "mh wilds ebony odogaron", "guardian-ebony-odogaron"),
    ("en", "wilds fulgur anjanath weakness", "guardian-fulgur-anjanath"), ("en", "wilds rathalos", "rathalos"),
    ("ja", "ワイルズ アンジャナフ", "guardian-fulgur-anjanath"), ("ja", "ワイルズのオドガロンの弱点", "guardian-ebony-odogaron"),
    ("ja", "ワイルズ アンジャナフ亜種", "guardian-fulgur-anjanath"), ("ja", "ワイルズ オドガロン亜種", "guardian-ebony-odogaron"),
    ("ja", "ワイルズ リオレウス", "rathalos"),
]
#: Elements alone, and reverse questions around them.
ELEMENTS = [
    ("en", "ice", "reverse:ice"), ("en", "Ice", "reverse:ice"), ("en", "Fire", "reverse:fire"), ("en", "fire", "reverse:fire"),
    ("en", "dragon", "reverse:dragon"), ("en", "Dragon", "reverse:dragon"), ("en", "thunder", "reverse:thunder"),
    ("en", "water", "reverse:water"), ("en", "ICE", "reverse:ice"), ("en", "fire?", "reverse:fire"), ("en", "dragon?", "reverse:dragon"),
    ("en", "thunder element", "reverse:thunder"), ("en", "ice element", "reverse:ice"), ("en", "weak to ice", "reverse:ice"),
    ("en", "which monsters are weak to fire", "reverse:fire"), ("en", "what is weak to dragon", "reverse:dragon"),
    ("en", "monsters weak to thunder", "reverse:thunder"), ("en", "water weakness monsters", "reverse:water"),
    ("zh-TW", "冰", "reverse:ice"), ("zh-TW", "火", "reverse:fire"), ("zh-TW", "雷", "reverse:thunder"), ("zh-TW", "水", "reverse:water"),
    ("zh-TW", "火屬性", "reverse:fire"), ("zh-TW", "冰屬性", "reverse:ice"), ("zh-TW", "龍屬性", "reverse:dragon"),
    ("zh-TW", "雷屬性", "reverse:thunder"), ("zh-TW", "水屬性", "reverse:water"), ("zh-TW", "哪些魔物怕火", "reverse:fire"),
    ("zh-TW", "弱冰的魔物", "reverse:ice"), ("zh-TW", "哪些怪物弱龍屬性", "reverse:dragon"),
    ("zh-CN", "火属性", "reverse:fire"), ("zh-CN", "冰属性", "reverse:ice"), ("zh-CN", "龙属性", "reverse:dragon"),
    ("zh-CN", "雷属性", "reverse:thunder"), ("zh-CN", "哪些怪物怕冰", "reverse:ice"), ("zh-CN", "弱雷的怪物", "reverse:thunder"),
    ("ja", "氷", "reverse:ice"), ("ja", "火属性", "reverse:fire"), ("ja", "氷属性", "reverse:ice"), ("ja", "龍属性", "reverse:dragon"),
    ("ja", "雷属性", "reverse:thunder"), ("ja", "水属性", "reverse:water"), ("ja", "氷が弱点のモンスター", "reverse:ice"),
    ("ja", "火属性が弱点のモンスター", "reverse:fire"), ("ja", "雷が効くモンスター", "reverse:thunder"),
]
#: Glued and spelled-as-heard English names (of the game's English text).
HEARD = [
    ("rathalosweakness", "rathalos"), ("zinogreweakness", "zinogre"), ("kushaladaora", "kushala-daora"),
    ("kushala dora", "kushala-daora"), ("nargakooga", "nargacuga"), ("narga cuga", "nargacuga"), ("tigerex", "tigrex"),
    ("tigrexx weakness", "tigrex"), ("velkana", "velkhana"), ("velkhanna weakness", "velkhana"), ("nergigant", "nergigante"),
    ("nergiganti", "nergigante"), ("teostraa", "teostra"), ("rajaang", "rajang"), ("goremagala", "gore-magala"),
    ("gore magalla", "gore-magala"), ("shagarumagala", "shagaru-magala"), ("lagicrus", "lagiacrus"), ("lagiacruz", "lagiacrus"),
    ("arkvelt", "arkveld"), ("ark veld weakness", "arkveld"), ("ray dau", "rey-dau"), ("reydau", "rey-dau"), ("rey dow", "rey-dau"),
    ("uthduna", "uth-duna"), ("uth dunna", "uth-duna"), ("nuudra", "nu-udra"), ("nu udra weakness", "nu-udra"),
    ("jin dahad", "jin-dahaad"), ("jindahaad", "jin-dahaad"), ("zohshia", "zoh-shia"), ("zoh shiya", "zoh-shia"), ("xuwu", "xu-wu"),
    ("chattacabra", "chatacabra"), ("chata cabra weakness", "chatacabra"), ("quematrix", "quematrice"), ("kematrice", "quematrice"),
    ("lalabarina", "lala-barina"), ("lala barena", "lala-barina"), ("bala hara", "balahara"), ("balahra", "balahara"),
    ("doshagumma", "doshaguma"), ("dosha guma", "doshaguma"), ("rompopollo", "rompopolo"), ("rom popolo", "rompopolo"),
    ("hira bami", "hirabami"), ("hirabammi", "hirabami"), ("ajara kan", "ajarakan"), ("ajarkan", "ajarakan"),
    ("jipceros", "gypceros"), ("gypseros", "gypceros"), ("yian kutku", "yian-kut-ku"), ("yiankutku", "yian-kut-ku"),
    ("konga lala", "congalala"), ("congalalla", "congalala"), ("blangongga", "blangonga"), ("blan gonga", "blangonga"),
    ("gravioss", "gravios"), ("mizutsunee", "mizutsune"), ("mizu tsune", "mizutsune"), ("seregious", "seregios"),
    ("gogmazius", "gogmazios"), ("nerscila", "nerscylla"), ("guardian rathalos", "guardian-rathalos"),
    ("guardianrathalos", "guardian-rathalos"), ("guardian arkvelt", "guardian-arkveld"), ("guardian dosha guma", "guardian-doshaguma"),
    ("odogarron", "odogaron"), ("anjanat", "anjanath"), ("deviljoe", "deviljho"), ("devil jho", "deviljho"),
    ("bazelgoose", "bazelgeuse"), ("bazel geuse", "bazelgeuse"), ("kirinn", "kirin"), ("diablo weakness", "diablos"),
    ("barroth weakness", "barroth"), ("paolumu weak", "paolumu"), ("pukeipukei", "pukei-pukei"), ("kulu ya ku", "kulu-ya-ku"),
    ("tobikadachi", "tobi-kadachi"), ("tzitziyaku", "tzitzi-ya-ku"), ("safijiiva", "safi-jiiva"), ("safi jiiva", "safi-jiiva"),
    ("xenojiiva", "xeno-jiiva"), ("vaalhazak", "vaal-hazak"), ("zorahmagdaros", "zorah-magdaros"),
]
#: Several monsters in one message: every one named.
COMPARES = [
    ("en", "rathalos vs rathian vs silver rathalos", "compare:rathalos,rathian,silver-rathalos"),
    ("en", "arkveld vs rey dau vs uth duna", "compare:arkveld,rey-dau,uth-duna"),
    ("en", "arkveld, jin dahaad, nu udra", "compare:arkveld,jin-dahaad,nu-udra"),
    ("en", "zinogre vs stygian zinogre", "compare:zinogre,stygian-zinogre"),
    ("en", "balahara vs uth duna", "compare:balahara,uth-duna"), ("en", "tigrex and nargacuga", "compare:tigrex,nargacuga"),
    ("en", "gore magala vs shagaru magala", "compare:gore-magala,shagaru-magala"),
    ("en", "rey dau, uth duna, jin dahaad, nu udra", "compare:rey-dau,uth-duna,jin-dahaad,nu-udra"),
    ("en", "doshaguma vs guardian doshaguma", "compare:doshaguma,guardian-doshaguma"),
    ("en", "quematrice vs chatacabra vs lala barina", "compare:quematrice,chatacabra,lala-barina"),
    ("en", "teostra vs lunastra", "compare:teostra,lunastra"), ("en", "kirin or kushala daora", "compare:kirin,kushala-daora"),
    ("en", "deviljho vs savage deviljho vs rajang", "compare:deviljho,savage-deviljho,rajang"),
    ("en", "velkhana vs nergigante", "compare:velkhana,nergigante"),
    ("zh-TW", "火龍 vs 雌火龍 vs 銀火龍", "compare:rathalos,rathian,silver-rathalos"), ("zh-TW", "鎖刃龍 vs 煌雷龍", "compare:arkveld,rey-dau"),
    ("zh-TW", "煌雷龍、波衣龍、凍峰龍", "compare:rey-dau,uth-duna,jin-dahaad"), ("zh-TW", "沙海龍和波衣龍", "compare:balahara,uth-duna"),
    ("zh-TW", "轟龍跟迅龍", "compare:tigrex,nargacuga"), ("zh-TW", "雷狼龍 vs 獄狼龍", "compare:zinogre,stygian-zinogre"),
    ("zh-TW", "煌雷龍 波衣龍 凍峰龍 獄焰鱆", "compare:rey-dau,uth-duna,jin-dahaad,nu-udra"),
    ("zh-TW", "闢獸 vs 護闢獸", "compare:doshaguma,guardian-doshaguma"), ("zh-TW", "炎王龍和炎妃龍", "compare:teostra,lunastra"),
    ("zh-TW", "恐暴龍 vs 惶怒恐暴龍 vs 金獅子", "compare:deviljho,savage-deviljho,rajang"),
    ("zh-TW", "冰呪龍、滅盡龍", "compare:velkhana,nergigante"), ("zh-TW", "炎尾龍/纏蛙/刺花蜘蛛", "compare:quematrice,chatacabra,lala-barina"),
    ("zh-CN", "火龙 vs 雌火龙 vs 银火龙", "compare:rathalos,rathian,silver-rathalos"), ("zh-CN", "锁刃龙和煌雷龙", "compare:arkveld,rey-dau"),
    ("zh-CN", "煌雷龙、波衣龙、冻峰龙", "compare:rey-dau,uth-duna,jin-dahaad"), ("zh-CN", "轰龙跟迅龙", "compare:tigrex,nargacuga"),
    ("zh-CN", "雷狼龙 vs 狱狼龙", "compare:zinogre,stygian-zinogre"), ("zh-CN", "炎王龙与炎妃龙", "compare:teostra,lunastra"),
    ("ja", "リオレウスとリオレイアとリオレウス希少種", "compare:rathalos,rathian,silver-rathalos"),
    ("ja", "アルシュベルドとレ・ダウ", "compare:arkveld,rey-dau"), ("ja", "レ・ダウ、ウズ・トゥナ、ジン・ダハド", "compare:rey-dau,uth-duna,jin-dahaad"),
    ("ja", "ティガレックス vs ナルガクルガ", "compare:tigrex,nargacuga"), ("ja", "ジンオウガとジンオウガ亜種", "compare:zinogre,stygian-zinogre"),
    ("ja", "バーラハーラ、ウズ・トゥナ", "compare:balahara,uth-duna"), ("ja", "テオ・テスカトルとナナ・テスカトリ", "compare:teostra,lunastra"),
    ("ja", "イビルジョー vs ラージャン vs 怒り喰らうイビルジョー", "compare:deviljho,rajang,savage-deviljho"),
    ("ja", "ケマトリス、チャタカブラ、ラバラ・バリナ", "compare:quematrice,chatacabra,lala-barina"),
]
#: Sourced nicknames (added as aliases with their source).
NICKNAMES = [
    ("zh-TW", "風飄龍", "legiana", "moegirl-legiana"), ("zh-TW", "風飄龍弱點", "legiana", "moegirl-legiana"),
    ("zh-CN", "风飘龙", "legiana", "moegirl-legiana"), ("zh-CN", "风飘龙弱点", "legiana", "moegirl-legiana"),
    ("ja", "アマツの弱点", "amatsu", "zaltan-rise"), ("ja", "レウス 弱点", "rathalos", "zaltan-rise"),
    ("ja", "黒ディア 肉質", "black-diablos", "wikiwiki-ryakusho"), ("ja", "アマツ", "amatsu", "zaltan-rise"),
]

NEGATIVES: list[tuple[str, str, str, str]] = [
    # (language, class, query, source)
    *[("en", "neg-english", q, "everyday") for q in (
        "gossip", "gossip girl", "magnet", "magnetic field", "magnificent", "magnolia tree", "magnitude", "lunatic", "lunar eclipse",
        "xenon lamp", "xenophobia", "radon gas", "radiohead", "serenity", "serenade", "serendipity", "series", "narwhal",
        "narwhals are cool", "tobias", "tobiko sushi", "mizuna salad", "mizuno shoes", "furiously", "savagely", "gorey",
        "gorgeous", "goretex jacket", "nightshades", "stygian darkness", "ruined", "kushion", "glaive", "bazooka", "alatoire",
        "sharapova", "safari", "zinc", "zorro", "kulvert", "rakuten", "garage", "garlic", "chameleon", "brachial",
        "brachiosaurus", "rathole", "rattle", "narrow", "odometer", "teaspoon", "valley", "vaalbara", "xenoblade",
        "xenomorph", "pukeko", "girraffe", "girl", "magnum", "luna park", "nerdy", "nergal", "gaiety", "espionage",
        "diabolical", "diablo 4", "leshy", "kirinji", "behemoths", "tigers", "tiger", "rajah", "basar", "basalt",
        "banshee", "lagoon", "legion", "legacy", "gravy", "gravity", "gypsum", "congas", "blanket", "uranium", "velvet",
        "barrier", "barrow", "paola", "doshas", "hiragana", "balalaika", "quiche", "ajar", "chatbot", "rompers",
        "arkansas", "reykjavik", "uther", "jinx", "zoho", "xerox", "nugget", "seregi", "gogo", "nerd", "lalaland",
    )],
    *[("en", "neg-sentence", q, "everyday") for q in (
        "fast and furious 9 was great", "al gore won the popular vote", "too much gore in that film",
        "the savage garden album", "deadly nightshade berries are poisonous", "a stygian night", "ruiner is a cyberpunk game",
        "black veil brides concert", "kirin beer is my favourite", "kirin ichiban please", "a behemoth of a truck",
        "behemoth the band is touring", "diablos restaurant downtown", "my cat is called luna",
        "xeno is a prefix", "i love the tiger at the zoo", "the chameleon changed colour", "basilisk in harry potter",
        "cockatrice in dungeons and dragons", "gore tex boots on sale", "savage 21 new song", "teo is my friend",
        "mizu means water in japanese", "kushala is a word", "the lunatic fringe", "magna carta history",
        "nargle in harry potter", "odo from star trek", "shogun tv series", "sushi with tobiko", "a great jaguar at the zoo",
        "the rajah of mysore", "legion of doom", "gravity falls episode", "blanka from street fighter", "uragan rocket launcher",
        "dodo bird extinct", "chameleon lizard care", "the kirin ichiban brewery tour", "garuda indonesia flight",
    )],
    *[("en", "neg-franchise", q, src) for q, src in (
        ("pikachu", "pokemon-zh"), ("charizard", "pokemon-zh"), ("charmander", "pokemon-zh"), ("dragonite", "pokemon-zh"),
        ("rayquaza", "pokemon-zh"), ("mewtwo", "pokemon-zh"), ("gyarados", "pokemon-zh"), ("garchomp", "pokemon-zh"),
        ("lugia", "pokemon-zh"), ("kyogre", "pokemon-zh"), ("groudon", "pokemon-zh"), ("tyranitar", "pokemon-zh"),
        ("salamence", "pokemon-zh"), ("zekrom", "pokemon-zh"), ("reshiram", "pokemon-zh"), ("snorunt", "pokemon-hk"),
        ("glalie", "pokemon-hk"), ("muk", "pokemon-hk"), ("roggenrola", "pokemon-hk"), ("charizard weakness", "pokemon-zh"),
        ("what is pikachu weak to", "pokemon-zh"), ("garchomp weakness", "pokemon-zh"), ("basilisk", "bestiary"),
        ("chimera", "bestiary"), ("cockatrice", "bestiary"), ("centaur", "bestiary"), ("cerberus", "bestiary"),
        ("banshee weakness", "bestiary"), ("atlas", "bestiary"), ("witchlight dragon", "dragcave"), ("teemo", "lol"),
        ("garen", "lol"), ("nasus", "lol"), ("ashe", "lol"), ("jinx weakness", "lol"), ("ahri", "lol"), ("blitzcrank", "lol"),
        ("soraka", "lol"), ("slime", "dq10"), ("skullgon", "dq10"), ("fairy dragon", "dq10"), ("funky drago", "dq10"),
        ("scarab king", "dq10"), ("forest drago weakness", "dq10"), ("godzilla", "everyday"), ("king ghidorah", "everyday"),
        ("mothra", "everyday"), ("smaug", "everyday"), ("toothless", "everyday"), ("drogon", "everyday"), ("alduin", "everyday"),
        ("blue-eyes white dragon", "everyday"), ("red-eyes black dragon", "everyday"), ("dark magician", "everyday"),
        ("agumon", "everyday"), ("greymon", "everyday"), ("wargreymon weakness", "everyday"), ("omnimon", "everyday"),
    )],
    *[("zh-TW", "neg-franchise", q, src) for q, src in (
        ("皮卡丘", "pokemon-zh"), ("噴火龍", "pokemon-zh"), ("小火龍", "pokemon-zh"), ("火恐龍", "pokemon-zh"), ("快龍", "pokemon-zh"),
        ("噴火龍弱點", "pokemon-zh"), ("小火龍弱什麼", "pokemon-zh"), ("烈空坐", "pokemon-zh"), ("超夢", "pokemon-zh"),
        ("暴鯉龍", "pokemon-zh"), ("烈咬陸鯊", "pokemon-zh"), ("捷克羅姆", "pokemon-zh"), ("萊希拉姆", "pokemon-zh"),
        ("比卡超", "pokemon-hk"), ("爛泥獸", "pokemon-hk"), ("雪童子", "pokemon-hk"), ("冰鬼護", "pokemon-hk"), ("石丸子", "pokemon-hk"),
        ("地幔岩", "pokemon-hk"), ("水箭龜", "pokemon-hk"), ("奇異種子", "pokemon-hk"), ("魔光龍", "dragcave"),
        ("蓋倫", "lol"), ("提莫", "lol"), ("艾希", "lol"), ("寒冰", "lol"), ("狗頭", "lol"), ("內瑟斯", "lol"), ("金克絲", "lol"),
        ("索拉卡", "lol"), ("紅蝶", "identity-v"), ("傑克", "identity-v"), ("紅夫人", "identity-v"), ("雕刻家", "identity-v"),
        ("哥吉拉", "everyday"), ("王者基多拉", "everyday"), ("摩斯拉", "everyday"), ("藍眼白龍", "everyday"), ("真紅眼黑龍", "everyday"),
        ("黑魔導", "everyday"), ("史萊姆", "everyday"), ("亞古獸", "everyday"), ("暴龍獸", "everyday"), ("戰鬥暴龍獸", "everyday"),
        ("真紅眼黑龍弱點", "everyday"), ("藍眼白龍怕什麼", "everyday"),
    )],
    *[("zh-CN", "neg-franchise", q, src) for q, src in (
        ("皮卡丘", "pokemon-zh"), ("喷火龙", "pokemon-zh"), ("小火龙", "pokemon-zh"), ("火恐龙", "pokemon-ja"), ("快龙", "pokemon-zh"),
        ("喷火龙弱点", "pokemon-zh"), ("超梦", "pokemon-zh"), ("暴鲤龙", "pokemon-zh"), ("烂泥兽", "pokemon-hk"), ("水箭龟", "pokemon-hk"),
        ("若陀龙王", "genshin"), ("古岩龙蜥", "genshin"), ("魔偶剑鬼", "genshin"), ("草史莱姆", "genshin"), ("无相之雷", "genshin"),
        ("无相冰", "genshin"), ("龙蜥", "genshin"), ("若陀龙王弱点", "genshin"), ("陀子哥", "genshin"), ("遁地王八", "genshin"),
        ("红蝶", "identity-v"), ("杰克", "identity-v"), ("红夫人", "identity-v"), ("梦之女巫", "identity-v"), ("破轮", "identity-v"),
        ("小提琴家", "identity-v"), ("盖伦", "lol"), ("提莫", "lol"), ("艾希", "lol"), ("寒冰", "lol"), ("狗头", "lol"),
        ("哥斯拉", "everyday"), ("青眼白龙", "everyday"), ("真红眼黑龙", "everyday"), ("史莱姆", "everyday"), ("亚古兽", "everyday"),
    )],
    *[("ja", "neg-franchise", q, src) for q, src in (
        ("ピカチュウ", "pokemon-ja"), ("リザードン", "pokemon-ja"), ("リザード", "pokemon-ja"), ("リザードンの弱点", "pokemon-ja"),
        ("カイリュー", "pokemon-ja"), ("ギャラドス", "pokemon-ja"), ("ガブリアス", "pokemon-ja"), ("ミュウツー", "pokemon-ja"),
        ("水竜ギルギッシュ", "dq10"), ("スカルゴン", "dq10"), ("ファンキードラゴ", "dq10"), ("フェアリードラゴン", "dq10"),
        ("フォレストドラゴ", "dq10"), ("スカラベキング", "dq10"), ("スウィートバッグ", "dq10"), ("ファーラット", "dq10"),
        ("ファイアボール", "dq10"), ("プークプック", "dq10"), ("スライム", "dq10"), ("スカルゴンの弱点", "dq10"),
        ("ゴジラ", "everyday"), ("キングギドラ", "everyday"), ("モスラ", "everyday"), ("青眼の白龍", "everyday"),
        ("真紅眼の黒竜", "everyday"), ("ブラック・マジシャン", "everyday"), ("アグモン", "everyday"), ("グレイモン", "everyday"),
        ("ウルトラマンティガ", "everyday"), ("ティガ・ダーク", "everyday"), ("バジリスク", "bestiary"), ("キマイラ", "bestiary"),
        ("ケルベロス", "bestiary"), ("コカトリス", "bestiary"),
    )],
    *[("zh-TW", "neg-sentence", q, "everyday") for q in (
        "火龍果好好吃", "我住在黑龍江", "黑龍江的冬天很冷", "侏羅紀公園的棘龍", "三角龍是草食恐龍", "暴龍很大", "麒麟啤酒好喝",
        "麒麟臂練起來", "金獅子獎得主", "海龍王廟在哪", "怪鳥叫聲很吵", "人魚公主", "魚龍化石", "翼龍會飛", "劍龍的背板",
        "迅猛龍好快", "霸王龍", "雷神索爾", "風神翼龍", "天狗熱", "鋼鐵人", "大名鼎鼎", "將軍澳", "熔岩巧克力", "火龍捲風",
        "麒麟送子", "小明是麒麟兒", "黑龍會", "紅龍蝦", "電龍頭", "碎碎念", "白兔糖", "青熊", "水獸",
    )],
    *[("zh-CN", "neg-sentence", q, "everyday") for q in (
        "火龙果多少钱一斤", "黑龙江哈尔滨", "黑龙江大学", "我老家在黑龙江", "麒麟啤酒", "棘龙是最大的肉食恐龙", "三角龙化石",
        "金狮子奖", "海龙王", "恐龙博物馆", "龙虾好吃", "雷神之锤", "风神翼龙", "霸王龙", "迅猛龙", "人鱼公主",
    )],
    *[("ja", "neg-sentence", q, "everyday") for q in (
        "動物園でキリンを見た", "キリンの首は長い", "キリンビール飲みたい", "キリンレモン", "ミラーを買った", "ミラノに行きたい",
        "ナナの漫画", "バナナ食べたい", "アルバイト探してる", "アルバムを聴いた", "エネルギー不足", "レイアウト変更",
        "スターウォーズのレイア姫", "ブラキオサウルスの化石", "ウルトラマンティガ見た", "クックパッドのレシピ", "ゴアテックスの靴",
        "ゼノブレイド面白い", "マムシに噛まれた", "メディア", "アイディア", "怪鳥ロプロス", "ディアボロ", "ゾラの小説",
        "テオは友達", "ティガーとプー", "リオデジャネイロ", "ジョーカー", "ナズナの花", "ゴアの教会",
    )],
    *[(lang, "neg-chitchat", q, "chitchat") for lang, qs in (
        ("en", ("hi", "hello", "thanks", "thank you", "lol", "good morning", "good night", "ok", "nice", "gg", "brb",
                "you there?", "what time is it", "how are you", "cool", "haha", "bye", "yes", "no", "who are you")),
        ("zh-TW", ("你好", "謝謝", "哈哈哈", "早安", "晚安", "在嗎", "好累", "吃飯了沒", "今天吃什麼", "你是誰", "好的", "掰掰",
                   "笑死", "無聊", "下雨了")),
        ("zh-CN", ("你好", "谢谢", "哈哈哈", "早上好", "在吗", "好累啊", "吃饭了吗", "你是谁", "好的", "拜拜", "笑死我了")),
        ("ja", ("おはよう", "ありがとう", "草", "www", "こんにちは", "お疲れ様", "おやすみ", "天気いいね", "今日は暑い",
                "よろしく", "なるほど", "了解", "誰ですか", "眠い")),
    ) for q in qs],
]


def all_lines(monsters: list[Monster]) -> list[tuple[str, ...]]:
    """Every line of the corpus, blocks in order, duplicates dropped."""
    lines = names_block(monsters) + aliases_block(monsters)
    lines += [_line(lang, "variant", q, e, "wikiwiki-ryakusho" if "亜種" in q or lang == "ja" else "wikiwiki-betsumei")
              for lang, q, e in VARIANTS]
    lines += [_line(lang, "title", q, e, "pixiv-kokuenou") for lang, q, e in TITLES]
    lines += [_line(lang, "game-form", q, e, "game-text") for lang, q, e in FORMS]
    lines += [_line(lang, "element", q, e, "game-text") for lang, q, e in ELEMENTS]
    lines += [_line("en", "heard", q, e, "game-text") for q, e in HEARD]
    lines += [_line(lang, "compare", q, e, "game-text") for lang, q, e in COMPARES]
    lines += [_line(lang, "nickname", q, e, s) for lang, q, e, s in NICKNAMES]
    lines += [_line(lang, kind, q, "none", s) for lang, kind, q, s in NEGATIVES]
    seen: set[str] = set()
    unique = []
    for line in lines:
        if line[2] not in seen:
            seen.add(line[2])
            unique.append(line)
    return unique


def held_out(line: tuple[str, ...]) -> bool:
    """The split: a hash of the line's query, so a line keeps its half whatever else is added."""
    return int(hashlib.sha256(line[2].encode("utf-8")).hexdigest(), 16) % 2 == 1


def header(half: str) -> str:
    sources = "".join(f"#   {key}: {text}\n" for key, text in SOURCES.items())
    return (f"# The {half} half of the labelled corpus of what players type (written by tests/matching_corpus.py; the split is\n"
            "# a hash of the query: never move a line). Columns: language, class, query, expected, source. Sources:\n"
            f"{sources}")


def main() -> None:
    from monsterbot.sources.yaml_files import YamlSource

    monsters = list(YamlSource([Path(__file__).parents[1] / "knowledge"]).load().monsters)
    lines = all_lines(monsters)
    for path, half, keep in ((TUNE, "tuning", False), (HELDOUT, "held-out", True)):
        rows = ["\t".join(line) + "\n" for line in lines if held_out(line) is keep]
        path.write_text(header(half) + "".join(rows), "utf-8")
        print(f"{path.name}: {len(rows)} lines")


if __name__ == "__main__":
    main()
