"""Write a fifth fresh labelled corpus of what players type (tests/data/matching_corpus_fresh5_{tune,heldout}.tsv).

Written blind: without running the matcher or the bot, without reading the matcher's code and without reading any
earlier corpus's queries, from public pages none of the earlier corpora cites (Japanese blogs and guides on Gore
Magala and Gogmazios in Wilds; English reviews and news on Magnamalo, Malzeno and the Three Lords of Sunbreak and a
diary of a first Wilds playthrough; a zh-TW news article on hunting Rise's monsters; zh-CN guides on weapons and the
Wilds beta; English news on Palicos, chefs and the Wilds championship for the negatives) and from the Wilds game text
in every language (epithets, frenzied names, small monsters and endemic life), so that precision and recall can be
reported on input nobody tuned on. Run `python -m tests.matching_corpus_fresh5 --rewrite` after adding a line; the
split is the hash of tests/corpus_files.py, so never move a line between halves.

Labels follow tests/matching_corpus_fresh4.py: a monster id, "none", "ambiguous:a,b" (ids in alphabetical order),
"compare:a,b,c" (ids in the order asked), "reverse:<element>" or "unknown:<base>"; a tempered, arch-tempered,
frenzied, alpha or afflicted individual is its species' id; a game named with a monster that game has only as its
Guardian form means that form; a subspecies or title the knowledge lacks while it holds the species is
"unknown:<species>"; small monsters, endemic life, large monsters the knowledge lacks and other franchises are "none";
a nickname a page or the knowledge gives to one monster is that monster, and an alias the knowledge gives to two
monsters is "ambiguous". Official names come from knowledge/monsters (every Wilds monster in all four languages, three
ways each; every other monster in two languages chosen by a hash of its id, one way each).
Columns: language, class, query, expected, source (a key of SOURCES, whose address is in both files' headers).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests import corpus_files
from tests.corpus_files import Line, Row, line

DATA = Path(__file__).parent / "data"
TUNE = DATA / "matching_corpus_fresh5_tune.tsv"
HELDOUT = DATA / "matching_corpus_fresh5_heldout.tsv"
MONSTERS = Path(__file__).parent.parent / "knowledge" / "monsters"
LANGUAGES = ("en", "ja", "zh-TW", "zh-CN")

SOURCES = {
    "knowledge": "the official names and aliases in every language in knowledge/monsters/*.yaml, which label "
    "every line; the short forms, typos, kana, romaji, pinyin and homophone spellings cited to it are written here "
    "from those names",
    "game-text5": "the Wilds game text ../shared/data/mhws-in-json/natives/STM/GameDesign/Text/Excel_Data/"
    "EnemyText.msg.23.json (columns 0 Japanese, 1 English, 12 zh-TW, 13 zh-CN): the JP_NAME epithets (鎖刃竜, "
    "煌雷竜, 獄焔蛸, 桃毛獣, 護火竜…), the frenzied names (狂竜化イャンクック, Frenzied Hirabami…), Alpha "
    "Doshaguma, and the small monsters and endemic life named in the negatives (Talioth, Seikret, Gajios, Vigorwasp…)",
    "shinden": "https://game-shinden.com/?p=5149 (a Japanese guide to Gore Magala in Wilds: 黒蝕竜, 狂竜化, weak to "
    "fire, 歴戦個体, 氷霧の断崖 and 竜都の跡形): the Japanese questions on Gore Magala and the frenzy",
    "playdiary": "https://gameplaydiary.com/2025/06/29/ (【モンハンワイルズ】『ゴアマガラ』特徴・弱点: 黒蝕竜, "
    "触角, 歴戦個体, シビレ罠と落とし穴): Japanese questions on parts, traps and tempered Gore Magala",
    "gamewith-gog": "https://gamewith.jp/mhwilds/520491 (ゴグマジオスの対策と弱点: HR100, EXミッション, 油涌き谷, "
    "the short ゴグマ): the Japanese questions and short forms of Gogmazios",
    "iyusuke": "https://iyusuke.jp/mhws-goguma-heavy (ゴグマジオス対策&周回用ヘビィ装備: ゴグ, 火属性で軟化してから"
    "龍属性, 火耐性): Japanese and English shorts of Gogmazios and its element questions",
    "lifematome-gog": "https://lifematome.blog/?p=37862 (1番楽なゴグマジオス討伐武器: 超大型古龍, 双剣, 精霊の加護): "
    "Japanese weapon questions on Gogmazios",
    "digisky": "https://digiskygames.com/reviews/monster-hunter-rises-new-flagship-monster-is-basically-zinogre-right/"
    " (Magnamalo as a 'tiger Zinogre', Raikou from Pokémon): the nickname tiger zinogre, a compare of Magnamalo and "
    "Zinogre, and Pokémon negatives",
    "gamebastion": "https://gamebastion.com/n/monster-hunter-rise-sunbreak-s-malzeno-draws/156203 (Malzeno, the "
    "Three Lords with Garangolm and Lunagaron, Gore Magala and Seregios as flagships, Koraidon and Miraidon, Horizon's "
    "Chariot machines): Sunbreak questions, compares and other franchises' negatives",
    "swosh": "https://swosh-x.com/news/index.php/game/item/51111-monster-hunter-rise-sunbreak-s-follower-quests-should"
    "-be-a-permanent-feature (the vampiric Malzeno, the werewolf Lunagaron, Frankenstein's monster Garangolm): the "
    "English nicknames of the Three Lords",
    "capcom-malzeno": "https://news.capcomusa.com/2022/11/30/the-making-of-malzeno-monster-hunter-rise-sunbreak/ "
    "(Malzeno designed as a vampire, a noble baron and a knight in silver armour; Dracula, 'son of a dragon'): the "
    "nicknames of Malzeno and the negatives about Dracula and bats",
    "endgame": "https://endgameviable.com/gaming/2025/03/monster-hunter-wilds (a first Wilds playthrough: Alpha "
    "Doshaguma 'like a big bear', 'Uth Duma', fainting, bosses): English typos, the alpha individual and chit-chat",
    "esportstw": "https://esportstw.com/news/153077 (a zh-TW news article: a hunting scholar on Rise's 雷狼龍, 金獅子 "
    "and 角龍 'the hardest to hunt'): zh-TW questions and compares on those monsters, and negatives on real hunting",
    "shanxier2": "http://www.shanxier.com/html/052d92299025.html (a zh-CN weapon guide: 角龙, 黑狼鸟, 熔山龙, 冰咒龙, "
    "灭尽龙, 新大陆): zh-CN questions on World monsters and weapon chit-chat negatives",
    "muxuezyy": "https://www.muxuezyy.com/%e6%80%aa%e7%89%a9%e7%8c%8e%e4%ba%ba%e6%ad%a6%e5%99%a8/ (a zh-CN page on "
    "the fourteen weapon types: 大剑, 太刀, 鬼人化, 气刃): zh-CN negatives about weapons",
    "emmash": "http://www.emmash.net/news/16112.html (a zh-CN guide to the Wilds beta's equipment: 试玩版, 饰品, 回避"
    "性能): zh-CN negatives about equipment",
    "hk01": "https://www.hk01.com/遊戲動漫/153268/monster-hunter-world-mhw攻略-武器攻略心得-弓篇 (a Hong Kong MHW bow "
    "guide: 蓄力, 曲射, 剛射): zh-TW negatives about weapons",
    "mein-mmo": "https://mein-mmo.de/en/thank-you-capcom-players-recreate-their-deceased-pets-in-monster-hunter-wilds-"
    "to-have-them-by-their-side-again,1195620 (players naming Palicos after their pets): English negatives about "
    "Palicos and pets",
    "umbra": "https://umbra.ai/monster-hunter-fans-bid-fond-farewell-to-beloved-chefs-as-wilds-expands-horizons "
    "(Grammeowster Chef, Yomogi's dango, the Meowscular Chef): negatives about NPCs and food",
    "happygamer": "https://happygamer.com/monster-hunter-wilds-usa-championship-october-17th-in-san-diego-135074 (the "
    "Wilds championship, the wound system, 'buff bow, HBG and LBG'): negatives about the game in general",
    "asking5": "ways of asking written here for this corpus in each language's chat register (weakness, how to beat, "
    "materials, where, what to bring, parts, traps), the English by-ear spellings, and the everyday, other-franchise "
    "and tech negatives in each language",
}

#: Ways of asking with a name in them, each holding `{n}`.
FRAMES = {
    "en": (
        "{n} weakness?",
        "how do i solo {n}",
        "what element do i bring for {n}",
        "is {n} armor any good",
        "where does {n} show up",
        "any tips for {n}? keeps carting me",
        "what mats does {n} drop",
        "best weapon vs {n}",
        "which parts of {n} can i break",
        "anyone free to help with {n} tonight",
        "do traps work on {n}",
        "{n} hitzone data pls",
        "can you capture {n} or only slay",
        "what should i eat before {n}",
        "{n} carves rates?",
    ),
    "ja": (
        "{n}の弱点ってなに",
        "{n} 倒し方おしえて",
        "{n}に効く属性は?",
        "{n}の素材ってどこで出る",
        "{n}ってどこにいるの",
        "{n}用の装備なにがいいかな",
        "{n}強すぎて無理なんだけど",
        "{n}の部位破壊どこできる",
        "{n}って罠きく?",
        "{n} おすすめ武器",
        "今から{n}行ける人いる?",
        "{n}の肉質表ほしい",
        "{n}戦なに持ってけばいい?",
        "{n}の捕獲タイミングわからん",
        "{n}にずっと乙らされてる",
    ),
    "zh-TW": (
        "{n}的弱點到底是什麼",
        "{n}到底要怎麼打",
        "{n}弱什麼屬性",
        "{n}素材要去哪裡刷",
        "{n}在哪張地圖",
        "打{n}要帶什麼",
        "{n}好難打喔",
        "{n}哪幾個部位可以破壞",
        "{n}可以用陷阱嗎",
        "{n}推薦用什麼武器",
        "有人要一起打{n}嗎",
        "{n}的肉質表",
        "{n}會掉什麼素材",
        "{n}要怎麼捕獲",
        "{n}一直把我打到貓車",
    ),
    "zh-CN": (
        "{n}弱点是啥",
        "{n}怎么打啊",
        "{n}弱什么属性",
        "{n}素材怎么刷",
        "{n}一般在哪张地图刷新",
        "打{n}带啥道具",
        "{n}也太难了吧",
        "{n}哪些部位能破坏",
        "{n}能上陷阱吗",
        "{n}用什么武器好",
        "有没有人一起打{n}",
        "{n}肉质多少",
        "{n}会掉哪些素材啊",
        "{n}怎么捕获",
        "被{n}打到三猫了",
    ),
}


def _rows(text: str, kind: str = "") -> list[Any]:
    """Rows written one a line as fields split by '|' (blank lines skipped); `kind`, when given, is put second."""
    out = []
    for each in text.strip().splitlines():
        fields = tuple(field.strip() for field in each.split("|"))
        out.append((fields[0], kind, *fields[1:]) if kind else fields)
    return out


#: Other forms of a name: (language, class, form, expected, source); each asked two ways (and alone when in ALONE).
FORMS: list[corpus_files.Form] = [
    *_rows(
        """
en | ark | arkveld | knowledge
en | rey | rey-dau | knowledge
en | uth | uth-duna | knowledge
en | jin | jin-dahaad | knowledge
en | nu | nu-udra | knowledge
en | zoh | zoh-shia | knowledge
en | dosha | doshaguma | knowledge
en | bala | balahara | knowledge
en | chata | chatacabra | knowledge
en | quem | quematrice | knowledge
en | lala | lala-barina | knowledge
en | rompo | rompopolo | knowledge
en | ajara | ajarakan | knowledge
en | hira | hirabami | knowledge
en | gogma | gogmazios | iyusuke
en | gog | gogmazios | knowledge
en | gore | gore-magala | knowledge
en | sere | seregios | knowledge
en | mizu | mizutsune | knowledge
en | lagi | lagiacrus | knowledge
en | grav | gravios | knowledge
en | kut-ku | yian-kut-ku | knowledge
en | gyp | gypceros | knowledge
en | nersc | nerscylla | knowledge
en | omega | omega-planetes | knowledge
en | g. arkveld | guardian-arkveld | knowledge
en | g rathalos | guardian-rathalos | knowledge
en | guardian dosha | guardian-doshaguma | knowledge
en | guardian ebony odo | guardian-ebony-odogaron | knowledge
en | guardian fulgur anja | guardian-fulgur-anjanath | knowledge
en | magna | magnamalo | knowledge
en | narga | nargacuga | knowledge
en | kushala | kushala-daora | knowledge
en | bazel | bazelgeuse | knowledge
en | nergi | nergigante | knowledge
en | brachy | brachydios | knowledge
ja | アルシュ | arkveld | knowledge
ja | レダウ | rey-dau | knowledge
ja | ウズトゥナ | uth-duna | knowledge
ja | ジンダハド | jin-dahaad | knowledge
ja | ヌエグドラ | nu-udra | knowledge
ja | ゾシア | zoh-shia | knowledge
ja | ドシャ | doshaguma | knowledge
ja | バーラ | balahara | knowledge
ja | チャタ | chatacabra | knowledge
ja | ケマト | quematrice | knowledge
ja | ラバラ | lala-barina | knowledge
ja | ププロ | rompopolo | knowledge
ja | アジャラ | ajarakan | knowledge
ja | ゴグマ | gogmazios | gamewith-gog
ja | ゴグ | gogmazios | iyusuke
ja | ゴアマガラ | gore-magala | shinden
ja | セルレギ | seregios | knowledge
ja | ミツネ | mizutsune | knowledge
ja | ラギア | lagiacrus | knowledge
ja | グラビ | gravios | knowledge
ja | クック | yian-kut-ku | knowledge
ja | ドドブラ | blangonga | knowledge
ja | ネルスキュ | nerscylla | knowledge
ja | プラネテス | omega-planetes | knowledge
ja | 護竜アルシュ | guardian-arkveld | knowledge
ja | 護竜レウス | guardian-rathalos | knowledge
ja | 護竜ドシャ | guardian-doshaguma | knowledge
ja | 護竜オドガロン | guardian-ebony-odogaron | knowledge
ja | 護竜アンジャナフ | guardian-fulgur-anjanath | knowledge
ja | マガド | magnamalo | knowledge
ja | メルゼナ | malzeno | knowledge
ja | イヴェル | velkhana | knowledge
ja | ネルギ | nergigante | knowledge
ja | ティガ | tigrex | knowledge
zh-TW | 鎖刃 | arkveld | knowledge
zh-TW | 煌雷 | rey-dau | knowledge
zh-TW | 波衣 | uth-duna | knowledge
zh-TW | 凍峰 | jin-dahaad | knowledge
zh-TW | 獄焰 | nu-udra | knowledge
zh-TW | 白熾 | zoh-shia | knowledge
zh-TW | 沙海 | balahara | knowledge
zh-TW | 刺花 | lala-barina | knowledge
zh-TW | 沼噴 | rompopolo | knowledge
zh-TW | 赫猿 | ajarakan | knowledge
zh-TW | 風鋏 | hirabami | knowledge
zh-TW | 暗器 | xu-wu | knowledge
zh-TW | 巨戟 | gogmazios | knowledge
zh-TW | 黑蝕 | gore-magala | knowledge
zh-TW | 千刃 | seregios | knowledge
zh-TW | 泡狐 | mizutsune | knowledge
zh-TW | 炎尾 | quematrice | knowledge
zh-TW | 遊星 | omega-planetes | knowledge
zh-TW | 護鎖刃 | guardian-arkveld | knowledge
zh-TW | 護兇爪 | guardian-ebony-odogaron | knowledge
zh-TW | 護雷顎 | guardian-fulgur-anjanath | knowledge
zh-TW | 雷狼 | zinogre | knowledge
zh-TW | 怨虎 | magnamalo | knowledge
zh-TW | 滅盡 | nergigante | knowledge
zh-CN | 锁刃 | arkveld | knowledge
zh-CN | 煌雷 | rey-dau | knowledge
zh-CN | 波衣 | uth-duna | knowledge
zh-CN | 冻峰 | jin-dahaad | knowledge
zh-CN | 狱焰 | nu-udra | knowledge
zh-CN | 白炽 | zoh-shia | knowledge
zh-CN | 沙海 | balahara | knowledge
zh-CN | 刺花 | lala-barina | knowledge
zh-CN | 沼喷 | rompopolo | knowledge
zh-CN | 赫猿 | ajarakan | knowledge
zh-CN | 风铗 | hirabami | knowledge
zh-CN | 暗器 | xu-wu | knowledge
zh-CN | 巨戟 | gogmazios | knowledge
zh-CN | 黑蚀 | gore-magala | knowledge
zh-CN | 千刃 | seregios | knowledge
zh-CN | 欧米茄 | omega-planetes | knowledge
zh-CN | 护锁刃 | guardian-arkveld | knowledge
zh-CN | 护火 | guardian-rathalos | knowledge
zh-CN | 护辟 | guardian-doshaguma | knowledge
zh-CN | 护雷颚 | guardian-fulgur-anjanath | knowledge
zh-CN | 爵银 | malzeno | knowledge
zh-CN | 冰咒 | velkhana | knowledge
""",
        "short",
    ),
    *_rows(
        """
en | arkvled | arkveld | knowledge
en | arkvelt | arkveld | knowledge
en | rey duo | rey-dau | knowledge
en | reydau | rey-dau | knowledge
en | uth duma | uth-duna | endgame
en | uth dunna | uth-duna | knowledge
en | jin dahad | jin-dahaad | knowledge
en | nu udrah | nu-udra | knowledge
en | nu urda | nu-udra | knowledge
en | zoh shai | zoh-shia | knowledge
en | zo shia | zoh-shia | knowledge
en | doshagama | doshaguma | knowledge
en | dosha guma | doshaguma | knowledge
en | balahra | balahara | knowledge
en | chatacabrah | chatacabra | knowledge
en | chatakabra | chatacabra | knowledge
en | quematrix | quematrice | knowledge
en | quemetrice | quematrice | knowledge
en | lala barrina | lala-barina | knowledge
en | lalabarina | lala-barina | knowledge
en | rompopollo | rompopolo | knowledge
en | ajarkan | ajarakan | knowledge
en | hiribami | hirabami | knowledge
en | xu woo | xu-wu | knowledge
en | xuwu | xu-wu | knowledge
en | gogmazois | gogmazios | knowledge
en | gogmazius | gogmazios | knowledge
en | gore magla | gore-magala | knowledge
en | seregois | seregios | knowledge
en | mizutsue | mizutsune | knowledge
en | lagiacus | lagiacrus | knowledge
en | lagicrus | lagiacrus | knowledge
en | gravois | gravios | knowledge
en | yian kutku | yian-kut-ku | knowledge
en | yan kut ku | yian-kut-ku | knowledge
en | gypcerous | gypceros | knowledge
en | congallala | congalala | knowledge
en | blangoga | blangonga | knowledge
en | nercylla | nerscylla | knowledge
en | omega planetas | omega-planetes | knowledge
en | rathalso | rathalos | knowledge
en | rathain | rathian | knowledge
en | guardian arkvled | guardian-arkveld | knowledge
en | gaurdian rathalos | guardian-rathalos | knowledge
en | guardian doshagama | guardian-doshaguma | knowledge
en | guardian ebony odagaron | guardian-ebony-odogaron | knowledge
en | guardian fulgar anjanath | guardian-fulgur-anjanath | knowledge
en | magnamolo | magnamalo | knowledge
en | malzenno | malzeno | knowledge
en | nargacuda | nargacuga | knowledge
ja | アルシュベルト | arkveld | knowledge
ja | アルシェベルド | arkveld | knowledge
ja | レダオ | rey-dau | knowledge
ja | ウズトゥーナ | uth-duna | knowledge
ja | ジンダハト | jin-dahaad | knowledge
ja | ヌエグトラ | nu-udra | knowledge
ja | ゾシヤ | zoh-shia | knowledge
ja | ドシャクマ | doshaguma | knowledge
ja | バーラハラ | balahara | knowledge
ja | チャタカプラ | chatacabra | knowledge
ja | ケマトリクス | quematrice | knowledge
ja | ラバラバリナ | lala-barina | knowledge
ja | ププロポロ | rompopolo | knowledge
ja | アジャラガン | ajarakan | knowledge
ja | ヒラバニ | hirabami | knowledge
ja | シーウ | xu-wu | knowledge
ja | ゴグマジオ | gogmazios | knowledge
ja | ゴアマカラ | gore-magala | knowledge
ja | セルレギウス | seregios | knowledge
ja | ラギアクリュス | lagiacrus | knowledge
ja | グラビモ | gravios | knowledge
ja | イャンクク | yian-kut-ku | knowledge
ja | ゲリョウス | gypceros | knowledge
ja | ババコンカ | congalala | knowledge
ja | ドドブランコ | blangonga | knowledge
ja | ネルスキラ | nerscylla | knowledge
ja | オメガプラネテス | omega-planetes | knowledge
ja | リオレウウス | rathalos | knowledge
ja | リオレア | rathian | knowledge
ja | 護竜アルシュベルト | guardian-arkveld | knowledge
ja | 護竜リオレウウス | guardian-rathalos | knowledge
zh-TW | 鎖仞龍 | arkveld | knowledge
zh-TW | 煌雷竜 | rey-dau | knowledge
zh-TW | 波依龍 | uth-duna | knowledge
zh-TW | 凍鋒龍 | jin-dahaad | knowledge
zh-TW | 獄炎鱆 | nu-udra | knowledge
zh-TW | 白織龍 | zoh-shia | knowledge
zh-TW | 闢兽 | doshaguma | knowledge
zh-TW | 沙海竜 | balahara | knowledge
zh-TW | 纏娃 | chatacabra | knowledge
zh-TW | 炎尾竜 | quematrice | knowledge
zh-TW | 刺花知蛛 | lala-barina | knowledge
zh-TW | 沼噴竜 | rompopolo | knowledge
zh-TW | 赫猿兽 | ajarakan | knowledge
zh-TW | 風夾龍 | hirabami | knowledge
zh-TW | 暗器章 | xu-wu | knowledge
zh-TW | 巨戟竜 | gogmazios | knowledge
zh-TW | 黑触龍 | gore-magala | knowledge
zh-TW | 千刀龍 | seregios | knowledge
zh-TW | 泡孤龍 | mizutsune | knowledge
zh-TW | 鎧竜 | gravios | knowledge
zh-TW | 毒怪烏 | gypceros | knowledge
zh-TW | 桃毛獸玉 | congalala | knowledge
zh-TW | 雪獅王 | blangonga | knowledge
zh-TW | 影知蛛 | nerscylla | knowledge
zh-TW | 遊星歐米加 | omega-planetes | knowledge
zh-TW | 護鎖刃竜 | guardian-arkveld | knowledge
zh-TW | 護闢兽 | guardian-doshaguma | knowledge
zh-CN | 锁刃笼 | arkveld | knowledge
zh-CN | 煌雷笼 | rey-dau | knowledge
zh-CN | 波衣笼 | uth-duna | knowledge
zh-CN | 冻锋龙 | jin-dahaad | knowledge
zh-CN | 狱炎蛸 | nu-udra | knowledge
zh-CN | 白吃龙 | zoh-shia | knowledge
zh-CN | 壁兽 | doshaguma | knowledge
zh-CN | 沙海笼 | balahara | knowledge
zh-CN | 缠哇 | chatacabra | knowledge
zh-CN | 炎尾笼 | quematrice | knowledge
zh-CN | 刺花织蛛 | lala-barina | knowledge
zh-CN | 沼喷笼 | rompopolo | knowledge
zh-CN | 赫猿受 | ajarakan | knowledge
zh-CN | 风夹龙 | hirabami | knowledge
zh-CN | 暗器稍 | xu-wu | knowledge
zh-CN | 巨戟笼 | gogmazios | knowledge
zh-CN | 黑蚀笼 | gore-magala | knowledge
zh-CN | 千刃笼 | seregios | knowledge
zh-CN | 泡狐笼 | mizutsune | knowledge
zh-CN | 铠笼 | gravios | knowledge
zh-CN | 毒怪乌 | gypceros | knowledge
zh-CN | 桃毛兽玉 | congalala | knowledge
zh-CN | 雪狮子玉 | blangonga | knowledge
zh-CN | 影知蛛 | nerscylla | knowledge
zh-CN | 游星欧米加 | omega-planetes | knowledge
zh-CN | 护锁刃笼 | guardian-arkveld | knowledge
zh-CN | 护凶爪笼 | guardian-ebony-odogaron | knowledge
""",
        "typo",
    ),
    *_rows(
        """
ja | arushuberudo | arkveld | knowledge
ja | redau | rey-dau | knowledge
ja | uzutuna | uth-duna | knowledge
ja | jindahado | jin-dahaad | knowledge
ja | nuegudora | nu-udra | knowledge
ja | zoshia | zoh-shia | knowledge
ja | ba-raha-ra | balahara | knowledge
ja | chatakabura | chatacabra | knowledge
ja | kematorisu | quematrice | knowledge
ja | rabara barina | lala-barina | knowledge
ja | pupuroporu | rompopolo | knowledge
ja | shi-u- | xu-wu | knowledge
ja | gogumajiosu | gogmazios | knowledge
ja | goa magara | gore-magala | knowledge
ja | tamamitsune | mizutsune | knowledge
ja | ragiakurusu | lagiacrus | knowledge
ja | gurabimosu | gravios | knowledge
ja | iyankukku | yian-kut-ku | knowledge
ja | geryosu | gypceros | knowledge
ja | babakonga | congalala | knowledge
ja | dodoburango | blangonga | knowledge
ja | nerusukyura | nerscylla | knowledge
ja | serureguiosu | seregios | knowledge
ja | riouresu | rathalos | knowledge
ja | rioreia | rathian | knowledge
zh-CN | suorenlong | arkveld | knowledge
zh-CN | huangleilong | rey-dau | knowledge
zh-CN | boyilong | uth-duna | knowledge
zh-CN | dongfenglong | jin-dahaad | knowledge
zh-CN | yuyanshao | nu-udra | knowledge
zh-CN | baichilong | zoh-shia | knowledge
zh-CN | shahailong | balahara | knowledge
zh-CN | chanwa | chatacabra | knowledge
zh-CN | yanweilong | quematrice | knowledge
zh-CN | cihua zhizhu | lala-barina | knowledge
zh-CN | zhaopenlong | rompopolo | knowledge
zh-CN | heyuanshou | ajarakan | knowledge
zh-CN | fengjialong | hirabami | knowledge
zh-CN | anqishao | xu-wu | knowledge
zh-CN | jujilong | gogmazios | knowledge
zh-CN | heishilong | gore-magala | knowledge
zh-CN | qianrenlong | seregios | knowledge
zh-CN | paohulong | mizutsune | knowledge
zh-CN | kailong | gravios | knowledge
zh-CN | duguainiao | gypceros | knowledge
zh-CN | taomaoshouwang | congalala | knowledge
zh-CN | xueshiziwang | blangonga | knowledge
zh-CN | yingzhizhu | nerscylla | knowledge
zh-CN | pishou | doshaguma | knowledge
zh-TW | 索刃龍 | arkveld | knowledge
zh-TW | 皇雷龍 | rey-dau | knowledge
zh-TW | 撥衣龍 | uth-duna | knowledge
zh-TW | 洞峰龍 | jin-dahaad | knowledge
zh-TW | 玉焰鱆 | nu-udra | knowledge
zh-TW | 百熾龍 | zoh-shia | knowledge
zh-TW | 僻獸 | doshaguma | knowledge
zh-TW | 沙孩龍 | balahara | knowledge
zh-TW | 蟬蛙 | chatacabra | knowledge
zh-TW | 眼尾龍 | quematrice | knowledge
zh-TW | 次花蜘蛛 | lala-barina | knowledge
zh-TW | 照噴龍 | rompopolo | knowledge
zh-TW | 鶴猿獸 | ajarakan | knowledge
zh-TW | 峰鋏龍 | hirabami | knowledge
zh-TW | 安騎鱆 | xu-wu | knowledge
zh-TW | 巨擊龍 | gogmazios | knowledge
zh-TW | 黑石龍 | gore-magala | knowledge
zh-TW | 千仞龍 | seregios | knowledge
zh-TW | 鎧隆 | gravios | knowledge
zh-TW | 影之蛛 | nerscylla | knowledge
""",
        "heard",
    ),
    *_rows(
        """
en | white wraith | arkveld | knowledge
en | the black flame | nu-udra | knowledge
en | fart monkey | congalala | knowledge
en | bubble fox | mizutsune | knowledge
en | king of the skies | rathalos | knowledge
en | queen of the earth | rathian | knowledge
en | lord of the seas | lagiacrus | knowledge
en | tiger zinogre | magnamalo | digisky
en | the vampire dragon | malzeno | capcom-malzeno
en | vampire elder dragon | malzeno | swosh
en | the werewolf monster | lunagaron | swosh
en | frankenstein monster from sunbreak | garangolm | swosh
en | eater of elders | nergigante | knowledge
en | emperor of flame | teostra | knowledge
en | lord of lightning | zinogre | knowledge
ja | 白の孤影 | arkveld | knowledge
ja | 黒い炎 | nu-udra | knowledge
ja | ゴマちゃん | gore-magala | knowledge
ja | クック先生 | yian-kut-ku | knowledge
ja | 空の王者 | rathalos | knowledge
ja | 陸の女王 | rathian | knowledge
ja | 無双の狩人 | zinogre | knowledge
ja | 飢え渇く恐暴竜 | savage-deviljho | knowledge
zh-TW | 土砂熊 | doshaguma | knowledge
zh-TW | 沙鬼獸 | doshaguma | knowledge
zh-TW | 迅喵 | nargacuga | knowledge
zh-TW | 阿爆 | bazelgeuse | knowledge
zh-TW | 雙角龍 | diablos | knowledge
zh-TW | 慘叫龍 | odogaron | knowledge
zh-TW | 風翔龍 | kushala-daora | knowledge
zh-TW | 雄火龍 | rathalos | knowledge
zh-TW | 母火龍 | rathian | knowledge
zh-TW | 風飄龍 | legiana | knowledge
zh-CN | 土砂熊 | doshaguma | knowledge
zh-CN | 沙鬼兽 | doshaguma | knowledge
zh-CN | 轰哥 | tigrex | knowledge
zh-CN | 车车车龙 | tigrex | knowledge
zh-CN | 轰爬爬 | tigrex | knowledge
zh-CN | 骚鸟 | kulu-ya-ku | knowledge
zh-CN | 天空的王者 | rathalos | knowledge
zh-CN | 利奥雷武斯 | rathalos | knowledge
zh-CN | 风飘龙 | legiana | knowledge
""",
        "nickname",
    ),
    *_rows(
        """
ja | 鎖刃竜 | arkveld | game-text5
ja | 煌雷竜 | rey-dau | game-text5
ja | 波衣竜 | uth-duna | game-text5
ja | 凍峰竜 | jin-dahaad | game-text5
ja | 獄焔蛸 | nu-udra | game-text5
ja | 闢獣 | doshaguma | game-text5
ja | 沙海竜 | balahara | game-text5
ja | 纏蛙 | chatacabra | game-text5
ja | 炎尾竜 | quematrice | game-text5
ja | 刺花蜘蛛 | lala-barina | game-text5
ja | 沼噴竜 | rompopolo | game-text5
ja | 赫猿獣 | ajarakan | game-text5
ja | 風鋏竜 | hirabami | game-text5
ja | 暗器蛸 | xu-wu | game-text5
ja | 巨戟龍 | gogmazios | game-text5
ja | 黒蝕竜 | gore-magala | shinden
ja | 千刃竜 | seregios | game-text5
ja | 泡狐竜 | mizutsune | game-text5
ja | 鎧竜 | gravios | game-text5
ja | 毒怪鳥 | gypceros | game-text5
ja | 桃毛獣 | congalala | game-text5
ja | 影蜘蛛 | nerscylla | game-text5
ja | 護火竜 | guardian-rathalos | game-text5
ja | 護闢獣 | guardian-doshaguma | game-text5
ja | 護兇爪竜 | guardian-ebony-odogaron | game-text5
ja | 護雷顎竜 | guardian-fulgur-anjanath | game-text5
ja | 雌火竜 | rathian | game-text5
ja | 火竜リオレウス | rathalos | game-text5
ja | 怪鳥イャンクック | yian-kut-ku | game-text5
""",
        "epithet",
    ),
]

#: Forms also typed alone (a name with nothing else).
ALONE = {
    "ケマト",
    "アルシェベルド",
    "鎖仞龍",
    "锁刃笼",
    "壁兽",
    "heishilong",
    "僻獸",
    "tiger zinogre",
    "护锁刃",
    "護鎖刃",
}

#: English names spelled as heard, alone and asked once.
HEARD = [
    ("ahrk veld", "arkveld"),
    ("arkvel", "arkveld"),
    ("ray daw", "rey-dau"),
    ("reydow", "rey-dau"),
    ("uth doonah", "uth-duna"),
    ("jin da hod", "jin-dahaad"),
    ("noo oodra", "nu-udra"),
    ("zo shee ah", "zoh-shia"),
    ("doshuh guma", "doshaguma"),
    ("bala harah", "balahara"),
    ("chada cobra", "chatacabra"),
    ("kema treese", "quematrice"),
    ("lah lah bareena", "lala-barina"),
    ("rompo polo", "rompopolo"),
    ("ajara khan", "ajarakan"),
    ("hira bammy", "hirabami"),
    ("shu woo", "xu-wu"),
    ("gogma zeos", "gogmazios"),
    ("gour magalla", "gore-magala"),
    ("sera geeos", "seregios"),
    ("mizoo tsunee", "mizutsune"),
    ("lad jia crus", "lagiacrus"),
    ("gravee ohs", "gravios"),
    ("yan cut koo", "yian-kut-ku"),
    ("jip seros", "gypceros"),
    ("kong a lala", "congalala"),
    ("blan gawnga", "blangonga"),
    ("nurr skylla", "nerscylla"),
    ("omega planetees", "omega-planetes"),
    ("rathuh los", "rathalos"),
    ("ray thian", "rathian"),
    ("mag na malo", "magnamalo"),
    ("mal zeeno", "malzeno"),
]

VARIANTS: list[Row] = _rows(
    """
en | azure rath weakness | azure-rathalos | knowledge
en | rathalos subspecies armor | azure-rathalos | knowledge
en | silver los solo tips | silver-rathalos | knowledge
en | rare species rathalos where | silver-rathalos | knowledge
en | gold rathian drops | gold-rathian | knowledge
en | pink rath hitzone chart | pink-rathian | knowledge
en | black diablos how to beat | black-diablos | knowledge
en | which element for brute tigrex | brute-tigrex | knowledge
en | stygian zino weak spot | stygian-zinogre | knowledge
en | lucent narga hunt | lucent-nargacuga | knowledge
en | violet mizu element? | violet-mizutsune | knowledge
en | ebony odo armor | ebony-odogaron | knowledge
en | acidic glav tips | acidic-glavenus | knowledge
en | fulgur anja weak to | fulgur-anjanath | knowledge
en | coral pukei drops | coral-pukei-pukei | knowledge
en | viper tobi paralysis | viper-tobi-kadachi | knowledge
en | nightshade paolumu sleep | nightshade-paolumu | knowledge
en | blood orange bish | blood-orange-bishaten | knowledge
en | aurora somna weakness | aurora-somnacanth | knowledge
en | magma almu | magma-almudron | knowledge
en | flaming espi | flaming-espinas | knowledge
en | pyre rakna what element | pyre-rakna-kadaki | knowledge
ja | 銀レウス 弱点 | silver-rathalos | knowledge
ja | 金レイア 素材 | gold-rathian | knowledge
ja | 蒼レウスの倒し方 | azure-rathalos | knowledge
ja | 桜レイア 肉質 | pink-rathian | knowledge
ja | 黒ディアきつい | black-diablos | knowledge
ja | 黒ティガって何属性効く | brute-tigrex | knowledge
ja | 亜種ディノ 弱点 | acidic-glavenus | knowledge
ja | 亜種ジンオウガ 何属性 | stygian-zinogre | knowledge
ja | 希少種ナルガ 行きたい | lucent-nargacuga | knowledge
ja | ナルガ希少種の素材 | lucent-nargacuga | knowledge
ja | 希少種ミツネ 弱点 | violet-mizutsune | knowledge
ja | 黒オドガロン装備 | ebony-odogaron | knowledge
ja | 亜種アンジャ 弱点 | fulgur-anjanath | knowledge
ja | 亜種プケプケ 素材 | coral-pukei-pukei | knowledge
ja | 亜種トビカガチ 毒 | viper-tobi-kadachi | knowledge
ja | 亜種パオウルムー 眠り | nightshade-paolumu | knowledge
ja | 亜種ビシュテンゴ | blood-orange-bishaten | knowledge
ja | イソネミクニ亜種の弱点 | aurora-somnacanth | knowledge
ja | 亜種オロミドロ 倒し方 | magma-almudron | knowledge
ja | 亜種エスピナス 弱点 | flaming-espinas | knowledge
ja | 亜種ヤツカダキ 肉質 | pyre-rakna-kadaki | knowledge
zh-TW | 雄火龍亞種弱點 | azure-rathalos | knowledge
zh-TW | 雌火龍亞種怎麼打 | pink-rathian | knowledge
zh-TW | 雄火龍稀有種素材 | silver-rathalos | knowledge
zh-TW | 雌火龍稀有種 | gold-rathian | knowledge
zh-TW | 角龍亞種弱點 | black-diablos | knowledge
zh-TW | 轟龍亞種怎麼打 | brute-tigrex | knowledge
zh-TW | 雷狼龍亞種弱什麼 | stygian-zinogre | knowledge
zh-TW | 迅龍稀有種在哪 | lucent-nargacuga | knowledge
zh-TW | 泡狐龍稀有種弱點 | violet-mizutsune | knowledge
zh-TW | 慘爪龍亞種裝備 | ebony-odogaron | knowledge
zh-TW | 斬龍亞種怎麼打 | acidic-glavenus | knowledge
zh-TW | 蠻顎龍亞種要帶什麼屬性 | fulgur-anjanath | knowledge
zh-TW | 浮空龍亞種好煩 | nightshade-paolumu | knowledge
zh-TW | 毒妖鳥亞種素材 | coral-pukei-pukei | knowledge
zh-TW | 飛雷龍亞種的毒 | viper-tobi-kadachi | knowledge
zh-TW | 銀火 | silver-rathalos | knowledge
zh-TW | 金火 | gold-rathian | knowledge
zh-TW | 天狗獸亞種素材 | blood-orange-bishaten | knowledge
zh-TW | 人魚龍亞種弱點 | aurora-somnacanth | knowledge
zh-CN | 火龙亚种用啥属性 | azure-rathalos | knowledge
zh-CN | 雌火龙亚种怎么打 | pink-rathian | knowledge
zh-CN | 火龙稀有种去哪打 | silver-rathalos | knowledge
zh-CN | 雌火龙稀有种素材 | gold-rathian | knowledge
zh-CN | 角龙亚种弱点 | black-diablos | knowledge
zh-CN | 轰龙亚种怎么打 | brute-tigrex | knowledge
zh-CN | 雷狼龙亚种弱啥 | stygian-zinogre | knowledge
zh-CN | 迅龙稀有种弱点 | lucent-nargacuga | knowledge
zh-CN | 泡狐龙稀有种 | violet-mizutsune | knowledge
zh-CN | 惨爪龙亚种好凶 | ebony-odogaron | knowledge
zh-CN | 斩龙亚种弱点 | acidic-glavenus | knowledge
zh-CN | 蛮颚龙亚种弱啥 | fulgur-anjanath | knowledge
zh-CN | 浮空龙亚种弱点 | nightshade-paolumu | knowledge
zh-CN | 毒妖鸟亚种 | coral-pukei-pukei | knowledge
zh-CN | 飞雷龙亚种 | viper-tobi-kadachi | knowledge
zh-CN | 银火弱点 | silver-rathalos | knowledge
zh-CN | 金火素材 | gold-rathian | knowledge
zh-CN | 泥翁龙亚种 | magma-almudron | knowledge
zh-CN | 棘龙亚种弱点 | flaming-espinas | knowledge
zh-CN | 妃蜘蛛亚种怎么打 | pyre-rakna-kadaki | knowledge
"""
)

UNKNOWN: list[Row] = _rows(
    """
en | is dreadking rathalos in this game | rathalos | knowledge
en | dreadqueen rathian | rathian | knowledge
en | grimclaw tigrex when | tigrex | knowledge
en | molten tigrex element? | tigrex | knowledge
en | green nargacuga coming back? | nargacuga | knowledge
en | thunderlord zinogre fight | zinogre | knowledge
en | bloodbath diablos tips | diablos | knowledge
en | hellblade glavenus hype | glavenus | knowledge
en | soulseer mizutsune please capcom | mizutsune | knowledge
en | abyssal lagiacrus | lagiacrus | knowledge
en | ivory lagi in the title update? | lagiacrus | knowledge
en | black gravios | gravios | knowledge
en | blue kut-ku drops | yian-kut-ku | knowledge
en | purple gypceros tips | gypceros | knowledge
en | emerald congalala weakness | congalala | knowledge
en | boltreaver astalos how | astalos | knowledge
ja | 黒炎王リオレウス来てほしい | rathalos | knowledge
ja | 紫毒姫リオレイア 弱点 | rathian | knowledge
ja | 荒鉤爪ティガ 弱点 | tigrex | knowledge
ja | ティガレックス希少種 | tigrex | knowledge
ja | ナルガクルガ亜種 | nargacuga | knowledge
ja | 金雷公ジンオウガ 弱点 | zinogre | knowledge
ja | 鏖魔ディアブロス復活しないかな | diablos | knowledge
ja | 燼滅刃ディノの肉質 | glavenus | knowledge
ja | 天眼タマミツネ | mizutsune | knowledge
ja | ラギアクルス亜種 | lagiacrus | knowledge
ja | グラビモス亜種 | gravios | knowledge
ja | イャンクック亜種ってワイルズにいる? | yian-kut-ku | knowledge
ja | ゲリョス亜種も出してほしい | gypceros | knowledge
ja | ドドブランゴ亜種 素材 | blangonga | knowledge
ja | フルフル亜種 倒し方 | khezu | knowledge
ja | 青電主ライゼクスきつい | astalos | knowledge
zh-TW | 黑炎王火龍會出嗎 | rathalos | knowledge
zh-TW | 紫毒姬雌火龍 | rathian | knowledge
zh-TW | 荒鉤爪轟龍超帥 | tigrex | knowledge
zh-TW | 迅龍亞種弱點 | nargacuga | knowledge
zh-TW | 金雷公雷狼龍怎麼打 | zinogre | knowledge
zh-TW | 鏖魔角龍 | diablos | knowledge
zh-TW | 燼滅刃斬龍好難 | glavenus | knowledge
zh-TW | 海龍亞種有嗎 | lagiacrus | knowledge
zh-TW | 鎧龍亞種弱點 | gravios | knowledge
zh-TW | 怪鳥亞種在哪 | yian-kut-ku | knowledge
zh-CN | 黑炎王火龙什么时候出 | rathalos | knowledge
zh-CN | 紫毒姬怎么打 | rathian | knowledge
zh-CN | 荒钩爪轰龙 | tigrex | knowledge
zh-CN | 迅龙亚种弱啥 | nargacuga | knowledge
zh-CN | 金雷公好帅 | zinogre | knowledge
zh-CN | 鏖魔角龙会回归吗 | diablos | knowledge
zh-CN | 烬灭刃斩龙 | glavenus | knowledge
zh-CN | 海龙亚种会来吗 | lagiacrus | knowledge
zh-CN | 铠龙亚种 | gravios | knowledge
zh-CN | 毒怪鸟亚种在哪 | gypceros | knowledge
zh-CN | 桃毛兽王亚种 | congalala | knowledge
"""
)

INDIVIDUALS: list[Row] = _rows(
    """
en | tempered arkveld build | arkveld | knowledge
en | arch tempered arkveld gear check | arkveld | knowledge
en | AT rey dau tips | rey-dau | knowledge
en | arch-tempered uth duna | uth-duna | knowledge
en | tempered jin dahaad | jin-dahaad | knowledge
en | tempered nu udra drops | nu-udra | knowledge
en | that alpha doshaguma fight | doshaguma | endgame
en | alpha dosha keeps killing me | doshaguma | endgame
en | tempered gore magala | gore-magala | shinden
en | frenzied yian kut-ku | yian-kut-ku | game-text5
en | frenzied hirabami keeps flying | hirabami | game-text5
en | frenzied nerscylla | nerscylla | game-text5
en | frenzied blangonga weakness | blangonga | game-text5
en | tempered lagiacrus | lagiacrus | knowledge
en | tempered balahara | balahara | knowledge
en | afflicted rathalos | rathalos | knowledge
en | afflicted magnamalo anomaly quest | magnamalo | knowledge
en | 9 star tempered seregios | seregios | knowledge
ja | 歴戦アルシュベルド | arkveld | knowledge
ja | 歴戦王アルシュ 装備 | arkveld | knowledge
ja | 歴戦王レダウ | rey-dau | knowledge
ja | 歴戦の個体 ウズ・トゥナ | uth-duna | knowledge
ja | 歴戦ジンダハド 弱点 | jin-dahaad | knowledge
ja | 歴戦ヌエグドラ | nu-udra | knowledge
ja | ドシャグマ ボス個体 | doshaguma | game-text5
ja | 歴戦個体ゴアマガラ | gore-magala | shinden
ja | 星8ゴアマガラ | gore-magala | playdiary
ja | 狂竜化イャンクック | yian-kut-ku | game-text5
ja | 狂竜化ゲリョス 倒し方 | gypceros | game-text5
ja | 狂竜化ヒラバミ うざい | hirabami | game-text5
ja | 狂竜化ネルスキュラ | nerscylla | game-text5
ja | 傀異化リオレウス | rathalos | knowledge
ja | 傀異化ジンオウガ 素材 | zinogre | knowledge
ja | 歴戦ラギアクルス | lagiacrus | knowledge
ja | 歴戦セルレギオス | seregios | knowledge
zh-TW | 歷戰鎖刃龍 | arkveld | knowledge
zh-TW | 歷戰王煌雷龍配裝 | rey-dau | knowledge
zh-TW | 歷戰王波衣龍怎麼打 | uth-duna | knowledge
zh-TW | 歷戰凍峰龍弱點 | jin-dahaad | knowledge
zh-TW | 歷戰獄焰鱆 | nu-udra | knowledge
zh-TW | 闢獸（頭領）好硬 | doshaguma | game-text5
zh-TW | 頭領闢獸 | doshaguma | game-text5
zh-TW | 狂龍化怪鳥怎麼打 | yian-kut-ku | game-text5
zh-TW | 狂龍化毒怪鳥 | gypceros | game-text5
zh-TW | 狂龍化風鋏龍 | hirabami | game-text5
zh-TW | 歷戰黑蝕龍 | gore-magala | knowledge
zh-TW | 傀異化雷狼龍 | zinogre | knowledge
zh-TW | 歷戰海龍 | lagiacrus | knowledge
zh-CN | 历战锁刃龙 | arkveld | knowledge
zh-CN | 历战王锁刃龙配装 | arkveld | knowledge
zh-CN | 历战王煌雷龙 | rey-dau | knowledge
zh-CN | 历战个体 冻峰龙 | jin-dahaad | knowledge
zh-CN | 历战狱焰蛸 | nu-udra | knowledge
zh-CN | 辟兽首领血好厚 | doshaguma | game-text5
zh-CN | 狂龙化雪狮子王 | blangonga | game-text5
zh-CN | 狂龙化影蜘蛛 | nerscylla | game-text5
zh-CN | 狂龙化怪鸟 | yian-kut-ku | game-text5
zh-CN | 历战黑蚀龙 | gore-magala | knowledge
zh-CN | 傀异化火龙 | rathalos | knowledge
zh-CN | 历战千刃龙配装 | seregios | knowledge
zh-CN | 历战王白炽龙 | zoh-shia | knowledge
"""
)

GAMES: list[Row] = _rows(
    """
en | wilds rathalos weak to what | rathalos | knowledge
en | world rathalos armor | rathalos | knowledge
en | rise zinogre tips | zinogre | esportstw
en | sunbreak malzeno speedrun | malzeno | gamebastion
en | iceborne velkhana fire or dragon | velkhana | knowledge
en | wilds ebony odogaron | guardian-ebony-odogaron | knowledge
en | wilds fulgur anjanath element | guardian-fulgur-anjanath | knowledge
en | mh wilds gore magala | gore-magala | shinden
en | mhw nergigante spikes | nergigante | knowledge
en | mhrise magnamalo | magnamalo | digisky
en | wilds mizutsune bubbles | mizutsune | knowledge
ja | ワイルズのリオレウス | rathalos | knowledge
ja | ライズのジンオウガ 弱点 | zinogre | knowledge
ja | サンブレイクのメル・ゼナ強かった | malzeno | knowledge
ja | アイスボーンのイヴェルカーナ装備 | velkhana | knowledge
ja | ワイルズのオドガロン亜種って護竜? | guardian-ebony-odogaron | knowledge
ja | ワイルズ アンジャナフ亜種 弱点 | guardian-fulgur-anjanath | knowledge
ja | MHWsのゴアマガラ | gore-magala | playdiary
ja | ワイルズ版タマミツネ | mizutsune | knowledge
ja | MHWのネルギガンテ | nergigante | knowledge
ja | ワイルズ ゴグマジオス | gogmazios | gamewith-gog
zh-TW | 荒野的火龍 | rathalos | knowledge
zh-TW | 崛起雷狼龍 | zinogre | esportstw
zh-TW | 破曉爵銀龍 | malzeno | knowledge
zh-TW | 冰原冰呪龍 | velkhana | knowledge
zh-TW | 荒野兇爪龍弱點 | guardian-ebony-odogaron | knowledge
zh-TW | 荒野雷顎龍 | guardian-fulgur-anjanath | knowledge
zh-TW | 崛起的角龍 | diablos | esportstw
zh-TW | 荒野泡狐龍 | mizutsune | knowledge
zh-TW | 崛起的金獅子 | rajang | esportstw
zh-CN | 荒野火龙 | rathalos | knowledge
zh-CN | 崛起雷狼龙怎么打 | zinogre | knowledge
zh-CN | 曙光爵银龙弱点 | malzeno | knowledge
zh-CN | 冰原冰咒龙 | velkhana | knowledge
zh-CN | 荒野凶爪龙打法 | guardian-ebony-odogaron | knowledge
zh-CN | 荒野的雷颚龙弱点 | guardian-fulgur-anjanath | knowledge
zh-CN | 世界灭尽龙 | nergigante | shanxier2
zh-CN | 荒野黑蚀龙 | gore-magala | knowledge
zh-CN | 世界熔山龙 | zorah-magdaros | shanxier2
en | monster hunter rise rajang | rajang | esportstw
en | rise diablos weakness | diablos | esportstw
en | mh world deviljho | deviljho | knowledge
ja | ライズのラージャン | rajang | esportstw
ja | ワールドのイビルジョー 弱点 | deviljho | knowledge
ja | ワイルズのセルレギオス | seregios | knowledge
ja | ワイルズのリオレイア 素材 | rathian | knowledge
zh-TW | 魔物獵人世界的恐暴龍 | deviljho | knowledge
zh-TW | 荒野千刃龍弱點 | seregios | knowledge
zh-TW | 崛起怨虎龍好帥 | magnamalo | digisky
zh-CN | 怪猎崛起金狮子 | rajang | knowledge
zh-CN | 荒野千刃龙打法 | seregios | knowledge
zh-CN | 世界恐暴龙弱点 | deviljho | knowledge
"""
)

COMPARES: list[Row] = _rows(
    """
en | arkveld vs gore magala | arkveld,gore-magala | knowledge
en | rey dau or uth duna harder | rey-dau,uth-duna | knowledge
en | magnamalo vs zinogre | magnamalo,zinogre | digisky
en | malzeno vs lunagaron vs garangolm | malzeno,lunagaron,garangolm | gamebastion
en | gore magala vs seregios which is harder | gore-magala,seregios | gamebastion
en | jin dahaad vs zoh shia | jin-dahaad,zoh-shia | knowledge
en | nu udra or xu wu | nu-udra,xu-wu | knowledge
en | rathalos vs rathian | rathalos,rathian | knowledge
en | lagiacrus vs balahara | lagiacrus,balahara | knowledge
en | doshaguma, chatacabra and quematrice | doshaguma,chatacabra,quematrice | knowledge
ja | アルシュベルドとゴアマガラどっちが強い | arkveld,gore-magala | knowledge
ja | レ・ダウとウズ・トゥナ どっちが楽 | rey-dau,uth-duna | knowledge
ja | マガイマガドとジンオウガ似てる | magnamalo,zinogre | digisky
ja | メルゼナ ルナガロン ガランゴルム | malzeno,lunagaron,garangolm | gamebastion
ja | ゴグマジオスとゾ・シア どっちがきつい | gogmazios,zoh-shia | gamewith-gog
ja | ヌ・エグドラとシーウー | nu-udra,xu-wu | knowledge
ja | リオレウスとリオレイアどっちから | rathalos,rathian | knowledge
ja | ジン・ダハドvsアルシュベルド | jin-dahaad,arkveld | knowledge
zh-TW | 鎖刃龍和黑蝕龍哪個強 | arkveld,gore-magala | knowledge
zh-TW | 煌雷龍跟波衣龍哪隻比較難 | rey-dau,uth-duna | knowledge
zh-TW | 雷狼龍金獅子角龍哪個最難 | zinogre,rajang,diablos | esportstw
zh-TW | 怨虎龍跟雷狼龍很像 | magnamalo,zinogre | digisky
zh-TW | 獄焰鱆和暗器鱆 | nu-udra,xu-wu | knowledge
zh-TW | 火龍跟雌火龍誰比較強 | rathalos,rathian | knowledge
zh-TW | 凍峰龍vs白熾龍 | jin-dahaad,zoh-shia | knowledge
zh-TW | 爵銀龍、冰狼龍、剛纏獸 | malzeno,lunagaron,garangolm | gamebastion
zh-CN | 锁刃龙和黑蚀龙哪个强 | arkveld,gore-magala | knowledge
zh-CN | 煌雷龙跟波衣龙哪个难 | rey-dau,uth-duna | knowledge
zh-CN | 冰咒龙和灭尽龙谁厉害 | velkhana,nergigante | shanxier2
zh-CN | 巨戟龙和白炽龙哪个更难 | gogmazios,zoh-shia | knowledge
zh-CN | 海龙vs沙海龙 | lagiacrus,balahara | knowledge
zh-CN | 辟兽缠蛙炎尾龙 | doshaguma,chatacabra,quematrice | knowledge
zh-CN | 怨虎龙和雷狼龙像不像 | magnamalo,zinogre | digisky
zh-CN | 护锁刃龙和锁刃龙有啥区别 | guardian-arkveld,arkveld | asking5
zh-TW | 護鎖刃龍跟鎖刃龍差在哪 | guardian-arkveld,arkveld | asking5
en | guardian rathalos vs rathalos difference | guardian-rathalos,rathalos | asking5
en | is guardian arkveld tougher than arkveld | guardian-arkveld,arkveld | knowledge
ja | 護竜リオレウスと普通のリオレウスの違い | guardian-rathalos,rathalos | asking5
"""
)

REVERSE: list[Row] = _rows(
    """
en | which monsters take the most ice damage | ice | asking5
en | which monsters are weak to thunder in wilds | thunder | asking5
en | best targets for a fire weapon | fire | asking5
en | dragon element good against what | dragon | asking5
en | what's weak to water | water | asking5
en | ice weakness list | ice | asking5
en | thunder element? | thunder | asking5
en | dragon ele | dragon | asking5
ja | 氷属性が弱点のモンスターまとめ | ice | asking5
ja | 雷が効くモンスター教えて | thunder | asking5
ja | 火属性武器で狩れるやつ | fire | asking5
ja | 龍属性が通るモンスター一覧 | dragon | asking5
ja | 水弱点のモンス | water | asking5
ja | 氷弱点 | ice | asking5
ja | 龍弱点 | dragon | asking5
zh-TW | 哪些魔物弱冰 | ice | asking5
zh-TW | 弱雷的魔物有哪些 | thunder | asking5
zh-TW | 火屬性武器打誰好 | fire | asking5
zh-TW | 龍屬性有效的魔物 | dragon | asking5
zh-TW | 弱水屬性的怪 | water | asking5
zh-TW | 弱雷屬性 | thunder | asking5
zh-TW | 弱水 | water | asking5
zh-CN | 哪些怪弱冰 | ice | asking5
zh-CN | 弱雷的怪物有哪些 | thunder | asking5
zh-CN | 火属性武器打什么怪 | fire | asking5
zh-CN | 龙属性克制哪些怪 | dragon | asking5
zh-CN | 弱水的怪物 | water | asking5
zh-CN | 弱火 | fire | asking5
zh-CN | 弱冰 | ice | asking5
en | which wilds monsters really hate fire damage | fire | asking5
en | good targets for my thunder bow | thunder | asking5
en | what to use a water weapon on | water | asking5
en | list of dragon weak monsters | dragon | asking5
ja | 火属性が弱点のやつ教えて | fire | asking5
ja | 雷弱点のモンスターどれ | thunder | asking5
ja | 水属性の武器どこで使う | water | asking5
ja | 龍弱点のモンスター多い? | dragon | asking5
zh-TW | 怕火的魔物有哪些 | fire | asking5
zh-TW | 冰屬性武器適合打誰 | ice | asking5
zh-TW | 弱龍屬性的魔物清單 | dragon | asking5
zh-CN | 怕火的怪有哪些 | fire | asking5
zh-CN | 雷属性武器打谁好 | thunder | asking5
zh-CN | 弱水属性的怪有哪些 | water | asking5
zh-CN | 弱龙的怪物 | dragon | asking5
"""
)

QUESTIONS: list[Row] = _rows(
    """
en | is gore magala weak to fire in wilds | gore-magala | shinden
en | do flash pods work on gore magala | gore-magala | shinden
en | how do i break gore magala's horns | gore-magala | playdiary
en | where do i unlock gogmazios | gogmazios | gamewith-gog
en | what fire resistance do i need for gogmazios | gogmazios | iyusuke
en | is dual blades good for gogmazios | gogmazios | lifematome-gog
en | what is malzeno weak to | malzeno | capcom-malzeno
en | lunagaron weakness sunbreak | lunagaron | swosh
en | how to beat garangolm | garangolm | swosh
en | how hard is the doshaguma fight | doshaguma | endgame
en | i fainted twice on uth duna, tips? | uth-duna | endgame
en | how does magnamalo's hellfire work | magnamalo | digisky
ja | ゴアマガラって閃光玉きかないの? | gore-magala | shinden
ja | ゴアマガラの触角どうやって壊すの | gore-magala | playdiary
ja | ゴアマガラ シビレ罠きく? | gore-magala | playdiary
ja | ゴアマガラは火属性でいいの? | gore-magala | shinden
ja | ゴグマジオス 出現条件 | gogmazios | gamewith-gog
ja | ゴグマジオス 火耐性いくつ必要 | gogmazios | iyusuke
ja | ゴグマジオスに双剣ってどう? | gogmazios | lifematome-gog
ja | ゴグマジオス ヘビィで行ける? | gogmazios | iyusuke
ja | メル・ゼナの弱点は? | malzeno | capcom-malzeno
ja | ドシャグマって群れで来るの? | doshaguma | endgame
zh-TW | 黑蝕龍怕火嗎 | gore-magala | shinden
zh-TW | 黑蝕龍觸角要怎麼破 | gore-magala | playdiary
zh-TW | 巨戟龍要怎麼解鎖 | gogmazios | gamewith-gog
zh-TW | 巨戟龍要堆火耐嗎 | gogmazios | iyusuke
zh-TW | 雷狼龍要怎麼讓牠跌倒 | zinogre | esportstw
zh-TW | 金獅子的弱點 | rajang | esportstw
zh-TW | 角龍是不是最難打的 | diablos | esportstw
zh-TW | 爵銀龍到底弱什麼屬性 | malzeno | capcom-malzeno
zh-CN | 黑蚀龙怕不怕火 | gore-magala | shinden
zh-CN | 巨戟龙怎么解锁 | gogmazios | gamewith-gog
zh-CN | 巨戟龙用双刀行不行 | gogmazios | lifematome-gog
zh-CN | 角龙钻地怎么躲 | diablos | shanxier2
zh-CN | 黑狼鸟的头好打吗 | yian-garuga | shanxier2
zh-CN | 熔山龙怎么打 | zorah-magdaros | shanxier2
zh-CN | 冰咒龙用火双刀可以吗 | velkhana | shanxier2
zh-CN | 灭尽龙用大锤打哪 | nergigante | shanxier2
en | how many hits to break arkveld's chainblades | arkveld | asking5
en | does rey dau's thunder beam one shot | rey-dau | asking5
en | where is uth duna's wave attack safe spot | uth-duna | asking5
en | jin dahaad how to avoid the ice beam | jin-dahaad | asking5
en | what element for nu udra's tentacles | nu-udra | asking5
en | zoh shia unlock requirement | zoh-shia | asking5
en | how do i stop balahara burrowing | balahara | asking5
en | chatacabra tongue break how | chatacabra | asking5
en | quematrice tail cut worth it | quematrice | asking5
en | lala barina flower petals paralysis fix | lala-barina | asking5
en | rompopolo poison gas cure | rompopolo | asking5
en | ajarakan punch combo dodge | ajarakan | asking5
en | hirabami keeps flying, what do i use | hirabami | asking5
en | xu wu hidden mouth weakpoint | xu-wu | asking5
ja | アルシュベルドの鎖刃って壊せる? | arkveld | asking5
ja | レ・ダウのビーム避け方 | rey-dau | asking5
ja | ウズ・トゥナの大技どう避ける | uth-duna | asking5
ja | ジン・ダハドの素材マラソン疲れた | jin-dahaad | asking5
ja | ヌ・エグドラの触腕切れるの? | nu-udra | asking5
ja | ゾ・シアってどうやったら戦える | zoh-shia | asking5
ja | バーラハーラ 潜られたらどうする | balahara | asking5
ja | チャタカブラの舌って部位破壊? | chatacabra | asking5
ja | ケマトリスの尻尾って何回で切れる | quematrice | asking5
ja | ラバラ・バリナの麻痺うざすぎ | lala-barina | asking5
ja | ププロポルの毒どうにかならん? | rompopolo | asking5
ja | アジャラカンに睡眠効く? | ajarakan | asking5
ja | ヒラバミ 飛んでる時なに撃てばいい | hirabami | asking5
ja | シーウーの弱点部位どこ | xu-wu | asking5
ja | ドドブランゴってどこで出る | blangonga | asking5
ja | ババコンガのおなら対策 | congalala | asking5
ja | イャンクックに音爆弾効く? | yian-kut-ku | asking5
ja | ゲリョスの閃光どう防ぐ | gypceros | asking5
zh-TW | 鎖刃龍的鎖刃打得斷嗎 | arkveld | asking5
zh-TW | 煌雷龍的雷射要怎麼躲 | rey-dau | asking5
zh-TW | 波衣龍大招躲哪裡 | uth-duna | asking5
zh-TW | 凍峰龍素材刷好累 | jin-dahaad | asking5
zh-TW | 獄焰鱆的觸手可以切嗎 | nu-udra | asking5
zh-TW | 白熾龍怎麼解鎖 | zoh-shia | asking5
zh-TW | 沙海龍鑽到沙裡怎麼辦 | balahara | asking5
zh-TW | 纏蛙的舌頭可以破壞嗎 | chatacabra | asking5
zh-TW | 炎尾龍尾巴能不能切 | quematrice | asking5
zh-TW | 刺花蜘蛛的麻痺好煩 | lala-barina | asking5
zh-TW | 沼噴龍的毒要帶解毒藥嗎 | rompopolo | asking5
zh-TW | 赫猿獸可以睡爆嗎 | ajarakan | asking5
zh-TW | 風鋏龍一直飛要用什麼打 | hirabami | asking5
zh-TW | 暗器鱆的弱點部位在哪 | xu-wu | asking5
zh-TW | 雪獅子王出現在哪裡 | blangonga | asking5
zh-TW | 桃毛獸王的屁好臭怎麼辦 | congalala | asking5
zh-TW | 怪鳥怕音爆彈嗎 | yian-kut-ku | asking5
zh-TW | 毒怪鳥的閃光要怎麼防 | gypceros | asking5
zh-TW | 鎧龍的肚子比較軟嗎 | gravios | asking5
zh-TW | 影蜘蛛的毒怎麼解 | nerscylla | asking5
zh-TW | 千刃龍的裂傷怎麼處理 | seregios | asking5
zh-TW | 海龍要帶什麼屬性武器 | lagiacrus | asking5
zh-TW | 遊星歐米茄要怎麼打 | omega-planetes | asking5
zh-TW | 闢獸一次來好幾隻怎麼辦 | doshaguma | asking5
zh-CN | 锁刃龙的锁刃能打断吗 | arkveld | asking5
zh-CN | 煌雷龙的激光咋躲 | rey-dau | asking5
zh-CN | 波衣龙大招躲哪 | uth-duna | asking5
zh-CN | 冻峰龙素材刷吐了 | jin-dahaad | asking5
zh-CN | 狱焰蛸触手能切吗 | nu-udra | asking5
zh-CN | 白炽龙咋解锁 | zoh-shia | asking5
zh-CN | 沙海龙钻沙里了咋办 | balahara | asking5
zh-CN | 缠蛙舌头能破坏吗 | chatacabra | asking5
zh-CN | 炎尾龙尾巴能切不 | quematrice | asking5
zh-CN | 刺花蜘蛛的麻痹好烦 | lala-barina | asking5
zh-CN | 沼喷龙的毒要带解毒药吗 | rompopolo | asking5
zh-CN | 赫猿兽能睡爆吗 | ajarakan | asking5
zh-CN | 风铗龙老是飞用啥打 | hirabami | asking5
zh-CN | 暗器蛸弱点部位在哪 | xu-wu | asking5
zh-CN | 雪狮子王在哪刷 | blangonga | asking5
zh-CN | 桃毛兽王放屁咋办 | congalala | asking5
zh-CN | 怪鸟怕音爆弹吗 | yian-kut-ku | asking5
zh-CN | 毒怪鸟的闪光咋防 | gypceros | asking5
zh-CN | 铠龙肚子是不是软 | gravios | asking5
zh-CN | 被影蜘蛛毒了咋解 | nerscylla | asking5
zh-CN | 千刃龙裂伤咋处理 | seregios | asking5
zh-CN | 海龙带啥属性武器 | lagiacrus | asking5
zh-CN | 游星欧米茄咋打 | omega-planetes | asking5
zh-CN | 辟兽一来好几只咋办 | doshaguma | asking5
zh-CN | 护火龙在哪刷 | guardian-rathalos | asking5
zh-TW | 護火龍在哪刷 | guardian-rathalos | asking5
"""
)

AMBIGUOUS: list[Row] = _rows(
    """
en | rath weak point | rathalos,rathian | knowledge
en | rath armor set | rathalos,rathian | knowledge
en | where do i find rath in wilds | rathalos,rathian | knowledge
en | rath tail carve | rathalos,rathian | knowledge
en | need rath plates | rathalos,rathian | knowledge
en | rath hitzones | rathalos,rathian | knowledge
en | rath solo tips | rathalos,rathian | knowledge
ja | マガラ 弱点 | gore-magala,shagaru-magala | knowledge
ja | マガラの素材ほしい | gore-magala,shagaru-magala | knowledge
ja | マガラって何属性効く | gore-magala,shagaru-magala | knowledge
ja | マガラ装備つくりたい | gore-magala,shagaru-magala | knowledge
ja | マガラ 倒し方 | gore-magala,shagaru-magala | knowledge
ja | マガラ行こう | gore-magala,shagaru-magala | knowledge
ja | マガラ強くない? | gore-magala,shagaru-magala | knowledge
en | is rath weak to dragon | rathalos,rathian | knowledge
en | how do i capture a rath | rathalos,rathian | knowledge
en | rath keeps flying away | rathalos,rathian | knowledge
en | got carted by a rath lol | rathalos,rathian | knowledge
en | rath gems drop rate | rathalos,rathian | knowledge
en | which rath has poison | rathalos,rathian | knowledge
ja | マガラの鱗粉うざい | gore-magala,shagaru-magala | knowledge
ja | マガラ 肉質 | gore-magala,shagaru-magala | knowledge
ja | マガラって閃光効く? | gore-magala,shagaru-magala | knowledge
ja | マガラ周回手伝って | gore-magala,shagaru-magala | knowledge
ja | マガラ武器ほしい | gore-magala,shagaru-magala | knowledge
ja | マガラの狂竜症きつい | gore-magala,shagaru-magala | knowledge
"""
)

#: What a bot in a LINE group must stay silent on: (language, class, queries, source).
NEGATIVES: corpus_files.Negatives = [
    (
        "en",
        "none",
        (
            "my palico is named after my old cat gentleman",
            "I lost my dog this year, going to make my palamute look like him",
        ),
        "mein-mmo",
    ),
    (
        "en",
        "none",
        (
            "grammeowster chef was the best",
            "yomogi's dango college fund lol",
            "the meowscular chef has an eye scar right",
        ),
        "umbra",
    ),
    (
        "en",
        "none",
        (
            "PLEASE BUFF BOW, HBG AND LBG",
            "wound system makes everything die too fast",
            "watching the championship stream at 4pm",
            "the game is too easy now honestly",
            "crouching fire for heavy bowgun when",
        ),
        "happygamer",
    ),
    (
        "en",
        "none",
        (
            "I fainted twice but it was no big deal",
            "saved the last 30 minutes of gameplay",
            "looked like a big bear tbh",
        ),
        "endgame",
    ),
    (
        "en",
        "none",
        ("koraidon or miraidon which one did you pick", "horizon's chariot machines were creepy"),
        "gamebastion",
    ),
    ("en", "none", ("raikou is my favourite legendary", "tigers are endangered"), "digisky"),
    (
        "en",
        "none",
        (
            "dracula movie night anyone",
            "there's a bat in my kitchen help",
            "count dracula was a real prince?",
            "the vampire diaries reboot is bad",
        ),
        "capcom-malzeno",
    ),
    ("en", "none", ("werewolf by night was a good special", "reading frankenstein for class"), "swosh"),
    (
        "en",
        "none",
        (
            "my sister named her goldfish rey",
            "ark survival ascended is on sale",
            "noah's ark museum trip",
            "Jin from BTS has a new song",
            "Jin Sakai is the best samurai protagonist",
            "nu metal playlist for the gym",
            "zoh what are we eating",
            "lala land was overrated",
            "lalalala I can't hear you",
            "gore tex jacket on sale",
            "al gore was vice president",
            "mizu is the japanese word for water",
            "omega 3 supplements actually work?",
            "the omega watch is too pricey",
            "omega strikers shut down",
            "gog galaxy launcher won't open",
            "ajar the door please",
            "conga line at the wedding lol",
            "gravy on fries is elite",
            "the gorilla at the zoo was huge",
            "blue whale documentary tonight",
            "octopus for dinner",
            "spider in the bathroom again",
            "giant frog in the garden",
            "rompo is a mythical creature in african folklore",
            "dosha is an ayurveda thing",
            "quem é você in portuguese",
            "doshas and chakras seminar",
            "chata means chat in spanish slang",
            "my uncle's boat is named lagi",
            "hira means flat in japanese",
            "xu is my coworker's surname",
            "balaclava for the winter",
        ),
        "asking5",
    ),
    (
        "en",
        "none",
        (
            "talioth ambush near camp again",
            "seikret won't come when i whistle",
            "gajios in the water got me",
            "piragill swarm in the river",
            "vigorwasp heal pls",
            "flashflies everywhere in the forest",
            "where do I catch a hercudrome",
            "the gold hercudrome is so rare",
            "caught a jewel scarab",
            "pink landlight shrimp where",
            "omega micros keep exploding",
            "guardian seikret attacked me",
            "dalthydon livestock cute",
            "ceratonoth male vs female",
            "bulaqchi on my head again",
            "paratoad in the cave",
            "nitrotoad for the bomb combo",
            "scalebat colony in the oilwell",
            "the cactuar is in the game??",
            "morbol seedling lol",
            "rufflizard capture quest",
            "windrustler is tiny",
            "vespoid sting paralyzed me",
            "kranodath headbutt",
            "gawkie is so cute",
            "nu yaya baby octopus",
            "emperor hopper location",
            "dung beetle fetch quest",
            "bomb beetle near the ledge",
            "pillopod squeak",
        ),
        "game-text5",
    ),
    (
        "en",
        "none",
        (
            "pikachu or eevee starter",
            "charizard is overrated",
            "greymon digivolves into metalgreymon",
            "agumon plush for my nephew",
            "slime from dragon quest is adorable",
            "the dragonlord in DQ1",
            "bahamut summon in final fantasy",
            "ifrit or shiva in FF16",
            "godzilla minus one won the oscar",
            "king ghidorah has three heads",
            "mothra is a moth",
            "raiden shogun banner",
            "zhongli is still the best support",
            "malenia blade of miquella",
            "radahn festival again",
            "the nameless king fight",
            "midir from dark souls 3",
            "kalameet is the best dragon",
            "alduin in skyrim",
            "paarthurnax should not be killed",
            "smaug the dragon voice",
            "toothless from how to train your dragon",
            "ganon in tears of the kingdom",
            "bowser jr is annoying",
            "kirby eats everything",
            "dragonite holding an envelope",
            "rayquaza vs groudon vs kyogre",
            "palworld anubis",
            "jetragon in palworld",
        ),
        "asking5",
    ),
    (
        "en",
        "none",
        (
            "git push rejected again",
            "docker compose won't start",
            "kubernetes pod stuck in pending",
            "what's a good python linter",
            "my laptop fan is so loud",
            "ps5 pro worth it?",
            "steam deck oled battery life",
            "anyone got a spare hdmi cable",
            "wifi keeps dropping",
            "the line app crashed",
            "update my discord status",
            "gpu prices are insane",
            "need a new mouse pad",
            "ram upgrade for my pc",
            "what's for lunch",
            "running late, traffic",
            "happy birthday bro!!",
            "good night everyone",
            "lol same here",
            "anyone watching the game tonight",
            "the weather is crazy today",
            "send the photos from yesterday",
            "what time is the meeting",
            "bring snacks saturday",
            "my cat knocked over my coffee",
            "who wants to hunt tonight",
            "hunting season opens next week",
            "elk hunting trip with my dad",
            "I need a new controller",
            "which weapon is best for beginners",
            "long sword or great sword",
            "insect glaive is so fun",
            "hunting horn buffs are nice",
            "charge blade is confusing",
            "what armor skills should i get",
            "where do i farm armor spheres",
            "server maintenance tomorrow",
            "is crossplay on",
            "join my lobby code 12345",
            "sos flare up",
        ),
        "asking5",
    ),
    (
        "ja",
        "none",
        (
            "今日の晩ご飯なに",
            "明日の会議何時から",
            "お疲れさまでした",
            "おやすみーまた明日",
            "電車めっちゃ遅れてる",
            "誕生日おめでとう!",
            "写真送って",
            "雨やばい",
            "ねこかわいい",
            "週末ひま?",
            "ピカチュウのぬいぐるみ買った",
            "リザードンかっこいい",
            "アグモン進化した",
            "スライムベス倒した",
            "ドラクエの竜王",
            "バハムート召喚",
            "イフリートとシヴァ",
            "ゴジラ-1.0見た?",
            "キングギドラ三本首",
            "モスラの歌",
            "雷電将軍ガチャ",
            "鍾離つよい",
            "マレニア無理",
            "ラダン祭り",
            "無名の王",
            "ミディール倒した",
            "ガノンドロフ強い",
            "クッパ城",
            "カービィかわいい",
            "パルワールドのジェットドラゴン",
            "ドラキュラ伯爵の映画",
            "狼男の話",
            "フランケンシュタイン読んだ",
            "コウモリが部屋に入ってきた",
            "虎の赤ちゃん生まれたって",
            "タコ焼き食べたいなー",
            "クモが出た",
            "カエルの鳴き声うるさい",
            "ゴリラの動画",
            "熊が出たらしい",
        ),
        "asking5",
    ),
    (
        "ja",
        "none",
        (
            "タリオスの群れうざい",
            "セクレト呼んでも来ない",
            "ガジオスに噛まれた",
            "ピラギル多すぎ",
            "回復ミツムシどこ",
            "閃光羽虫つかって",
            "ドスヘラクレス捕まえた",
            "ゴールデンヘラクレスいた!",
            "ジュエルコガネ見つけた",
            "ウスベニホタルエビどこ",
            "オメガ・ミクロスがわらわら湧く",
            "護竜セクレトに襲われた",
            "ダルトドン可愛い",
            "ケラトノスのオス",
            "ブブラチカ付いた",
            "シビレガスガエル踏んだ",
            "ニトロガスガエル使お",
            "ウロコウモリ多い",
            "サボテンダーいるの草",
            "モルボル・シードリング",
            "ツメコミエリトカゲ捕獲",
            "カザキリカケリ",
            "ランゴスタの麻痺",
            "クラノダスの頭突き",
            "ジロジロかわいい",
            "ヌ・ヤヤ赤ちゃん",
            "皇帝バッタどこ",
            "フンコロガシ",
            "バクダンイワコロガシ",
            "キョムトン",
            "コンガいっぱいいる",
            "ブランゴの群れ",
            "ネルスキュラベビーわいてる",
            "ゼレドロンってかわいくない?",
            "ラフマーの角きれい",
        ),
        "game-text5",
    ),
    (
        "ja",
        "none",
        (
            "太刀と大剣どっちがいい",
            "操虫棍たのしい",
            "狩猟笛の旋律",
            "チャアク難しい",
            "ヘビィの弾どれ",
            "ライトボウガン弱い?",
            "ガンランスの砲撃",
            "弓の曲射",
            "スラアクの変形",
            "双剣の鬼人化",
            "ハンマーでスタン",
            "片手剣初心者向け",
            "護石掘り疲れた",
            "装飾品出ない",
            "アーティア武器厳選",
            "HR上げしんどい",
            "ネコ飯なに食べる",
            "キャンプどこ置く",
            "救難信号出して",
            "クロスプレイできる?",
            "サーバーメンテ明日",
            "PS5買った",
            "Switch2当たった",
            "スマホの容量足りない",
            "パソコン重い",
            "Wi-Fi落ちる",
            "LINEの通知うるさい",
            "Discord入って",
            "Pythonのエラー消えない",
            "gitでコンフリクトした",
            "モンハン初心者です",
            "次のアプデいつ",
            "狩猟解禁の日",
            "鹿の猟に行く",
            "猪が畑荒らしてる",
        ),
        "asking5",
    ),
    (
        "ja",
        "none",
        (
            "レイア先輩まじ尊敬",
            "ゾラ星人",
            "ミラちゃん元気?",
            "ナナちゃんと飯行く",
            "ゼノブレイド3めっちゃ泣いた",
            "テオって友達の名前",
            "クックパッドでレシピ見た",
            "マムが作った弁当",
            "ディアボロの大冒険",
            "ネコのマガラちゃん",
            "キリンレモン飲んだ",
            "キリンビール最高",
            "キリン見に動物園行こ",
            "麒麟がくる見てた",
            "怪鳥ロプロス空を飛べ",
            "黒い炎のアニメ",
            "ティガーのぬいぐるみ",
            "ジンくんまた遅刻",
            "ドシャ降りでずぶ濡れ",
        ),
        "asking5",
    ),
    (
        "zh-TW",
        "none",
        (
            "今天晚餐吃什麼",
            "明天幾點開會",
            "今天辛苦了大家",
            "晚安囉",
            "捷運誤點",
            "生日快樂!",
            "照片傳一下",
            "雨好大",
            "貓咪好可愛",
            "週末有空嗎",
            "皮卡丘娃娃",
            "噴火龍好帥",
            "亞古獸進化",
            "史萊姆好可愛",
            "勇者鬥惡龍的龍王",
            "召喚巴哈姆特",
            "伊弗利特跟希瓦",
            "哥吉拉-1.0 看了嗎",
            "王者基多拉三顆頭",
            "摩斯拉好大隻",
            "雷電將軍抽到了",
            "鍾離還是最強",
            "瑪蓮妮亞打不過",
            "拉塔恩祭典",
            "無名王者",
            "薩爾達的加儂好帥",
            "庫巴城",
            "卡比好可愛",
            "帕魯的空渦龍",
            "德古拉伯爵電影",
            "狼人殺要不要玩",
            "科學怪人",
            "蝙蝠飛進房間",
            "老虎寶寶出生了",
            "章魚燒",
            "有蜘蛛",
            "青蛙很吵",
            "大猩猩影片",
            "有熊出沒",
            "山豬跑進田裡",
        ),
        "asking5",
    ),
    (
        "zh-TW",
        "none",
        (
            "銳猛龍一直圍攻",
            "鷺鷹龍叫不來",
            "鋸吻龍咬我",
            "棘鰭龍好多",
            "回復蜜蟲在哪",
            "閃光翅蟲",
            "抓到大獨角仙",
            "金色獨角仙",
            "寶石金龜",
            "淡紅螢蝦在哪",
            "微型歐米茄一直自爆",
            "護鷺鷹龍攻擊我",
            "盾突龍好可愛",
            "雷甲龍公的",
            "血刺蟲黏上來",
            "踩到麻痺瓦斯蛙了",
            "爆炸瓦斯蛙",
            "鱗片蝙蝠",
            "仙人掌怎麼在遊戲裡",
            "毛爾波爾幼苗",
            "重襟蜥蜴捕獲",
            "風切龍",
            "巨蜂麻痺",
            "盔猛龍頭槌",
            "凝視鼠好可愛",
            "努亞亞好可愛",
            "皇帝蚱蜢在哪",
            "糞金龜",
            "爆彈甲蟲",
            "桃毛獸好多",
            "雪獅子一群",
            "一堆稚影蜘蛛",
            "膠鯢是什麼",
            "電角獸",
            "虛無通",
        ),
        "game-text5",
    ),
    (
        "zh-TW",
        "none",
        (
            "太刀還是大劍",
            "操蟲棍好玩",
            "狩獵笛旋律",
            "充能斧好難",
            "重弩用哪種彈",
            "輕弩很弱嗎",
            "銃槍砲擊",
            "弓的蓄力跟曲射",
            "剛射怎麼用",
            "斬擊斧變形",
            "雙刀鬼人化",
            "大錘暈",
            "單手劍適合新手",
            "護石刷不到",
            "裝飾品出不來",
            "HR好難升",
            "貓飯吃什麼",
            "救難信號",
            "可以跨平台嗎",
            "伺服器維修",
            "買了PS5",
            "手機容量不夠",
            "電腦好卡",
            "Wi-Fi一直斷",
            "LINE通知好吵",
            "Python報錯",
            "git衝突了",
            "新手求帶",
            "下次更新什麼時候",
            "真的去打獵要執照嗎",
        ),
        "hk01",
    ),
    (
        "zh-TW",
        "none",
        (
            "海龍王餐廳訂位",
            "麒麟啤酒買一箱",
            "去動物園看長頸鹿",
            "火龍果好甜",
            "我家的狗叫阿爆",
            "金獅子獎頒獎",
            "雷狼是我朋友的暱稱",
            "黑龍江的冬天零下三十度",
            "角龍化石展覽",
            "怪鳥俱樂部",
            "鎧甲勇士",
            "廁所的白熾燈泡壞了",
            "沙海灣的民宿",
            "炎王烤肉店",
            "土砂崩落注意",
            "雪獅子舞表演",
            "火龍果冰沙一杯",
            "鋼龍是我們公司的名字",
            "雷神索爾的電影",
            "風神雷神圖屏風",
            "黑龍江省的冰雕",
            "麒麟是中國的神獸",
            "大名鼎鼎的醫生",
            "將軍府今天開放",
            "熔岩巧克力蛋糕",
            "冰魚好好吃",
            "炎王是我們家的狗",
            "今年金獅子獎得主是誰",
            "貝希摩斯是聖經裡的巨獸",
            "海龍捲來了",
            "天狗吃月亮是月蝕嗎",
        ),
        "asking5",
    ),
    (
        "zh-CN",
        "none",
        (
            "今天晚饭吃啥",
            "明天几点开会",
            "辛苦啦",
            "晚安各位明天见",
            "地铁晚点了",
            "生日快乐!",
            "照片发一下",
            "雨好大",
            "猫猫好可爱",
            "周末有空吗",
            "皮卡丘玩偶",
            "喷火龙好帅",
            "亚古兽进化",
            "史莱姆好可爱",
            "勇者斗恶龙的龙王",
            "召唤巴哈姆特",
            "伊弗利特和希瓦",
            "哥斯拉-1.0 看了吗",
            "王者基多拉三顆頭",
            "魔斯拉",
            "雷电将军抽到了",
            "钟离还是最强",
            "女武神玛莲妮亚打不过",
            "拉塔恩祭典",
            "无名王者",
            "塞尔达的加侬",
            "库巴城堡",
            "卡比好可爱",
            "幻兽帕鲁的空涡龙",
            "德古拉伯爵电影",
            "狼人杀来不来",
            "弗兰肯斯坦",
            "蝙蝠飞进屋了",
            "老虎宝宝出生",
            "想吃章鱼小丸子",
            "有蜘蛛",
            "青蛙好吵",
            "大猩猩视频",
            "有熊出没",
            "野猪进地里了",
        ),
        "asking5",
    ),
    (
        "zh-CN",
        "none",
        (
            "钳速龙一直围我",
            "鹭鹰龙叫不来",
            "棘吻龙咬我",
            "锯带龙好多",
            "回复蜜虫在哪",
            "闪光翅虫",
            "抓到大独角仙",
            "金色独角仙",
            "宝石金龟子",
            "淡红萤虾在哪",
            "微型欧米茄一直炸",
            "护鹭鹰龙打我",
            "盾突龙好可爱",
            "雷甲龙公的",
            "血盗虫粘上了",
            "踩到麻痹瓦斯蛙",
            "爆炸瓦斯蛙",
            "鳞片蝙蝠",
            "游戏里居然有仙人刺",
            "魔界花幼苗居然是联动",
            "蓄领蜥捕获",
            "风切龙",
            "巨蜂麻痹",
            "盔速龙头槌",
            "凝目鼠好可爱",
            "稚狱蛸好可爱",
            "皇帝蚱蜢在哪",
            "粪金龟",
            "爆弹甲虫",
            "桃毛兽好多",
            "雪狮子一群",
            "一堆稚影蜘蛛",
            "胶鲵是啥",
            "电角兽",
            "虚无动",
        ),
        "game-text5",
    ),
    (
        "zh-CN",
        "none",
        (
            "太刀还是大剑",
            "操虫棍好玩",
            "狩猎笛旋律",
            "充能斧好难",
            "重弩用啥弹",
            "轻弩弱吗",
            "铳枪龙击炮",
            "片手剑适合新手",
            "双刀鬼人化",
            "大锤眩晕",
            "气刃大回旋",
            "见切斩怎么按",
            "护石刷不出",
            "珠子出不来",
            "HR好难升",
            "猫饭吃啥",
            "救难信号",
            "能跨平台吗",
            "服务器维护",
            "买了PS5",
            "手机内存不够",
            "电脑好卡",
            "WiFi老断",
            "微信通知好吵",
            "Python报错了",
            "git冲突了",
            "萌新求带",
            "下次更新啥时候",
            "弱点特效点满没",
            "看破几级够",
            "精灵加护有用吗",
            "集中技能",
        ),
        "muxuezyy",
    ),
    ("zh-CN", "none", ("试玩版的装备能继承吗", "回避性能要几级", "饰品怎么镶嵌"), "emmash"),
    (
        "zh-CN",
        "none",
        (
            "海龙王火锅订位",
            "麒麟啤酒買一箱",
            "去动物园看长颈鹿",
            "火龙果好甜",
            "我家狗叫阿爆",
            "威尼斯金狮子奖",
            "黑龙江好冷",
            "角龙化石展",
            "铠甲勇士小时候看过",
            "白炽灯坏了",
            "沙海湾民宿",
            "炎王烤肉",
            "雪狮子舞",
            "火龙果奶昔",
            "雷神索尔的电影",
            "风神雷神屏风",
            "麒麟是神兽",
            "三角龙化石好大",
            "熔岩蛋糕好吃",
            "冰鱼刺身",
            "海龙卷风",
            "天狗吃月亮的传说",
            "贝希摩斯是圣经里的巨兽",
            "钢龙集团招聘",
            "炎王是我家狗的名字",
            "黑龙江的冰雪大世界",
            "金火锅店",
            "我朋友叫迅哥儿",
            "人鱼公主童话",
            "河童是日本妖怪",
            "天狗是日本妖怪",
            "利奥是我同学",
            "轰哥今天请客",
        ),
        "asking5",
    ),
]


def all_lines() -> list[Line]:
    """Every line of the corpus, blocks in order."""
    questions = [line(lang, "question", q, e, s) for lang, q, e, s in QUESTIONS]
    labelled = (VARIANTS, UNKNOWN, INDIVIDUALS, GAMES, COMPARES, REVERSE, questions, AMBIGUOUS, NEGATIVES)
    names = corpus_files.names_in_frames("fresh5", FRAMES, MONSTERS, LANGUAGES)
    forms = corpus_files.forms_in_frames("fresh5", FRAMES, FORMS, ALONE, HEARD, "asking5")
    return names + forms + corpus_files.tables(*labelled)


def halves() -> dict[Path, str]:
    """Each file's text: its header, then its half of the lines (a query written twice kept once)."""
    return corpus_files.halves(all_lines(), (TUNE, HELDOUT), "fifth fresh", "tests/matching_corpus_fresh5.py", SOURCES)


if __name__ == "__main__":
    corpus_files.main(halves)
