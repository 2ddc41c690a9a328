"""People named as actors or speakers, and organizations.

A person needs a shape that says so, per language (the lists below are defaults; a locale's
``[names]`` table adds ``titles`` (``before`` / ``after`` lists) and ``honorifics``):

- en/es/de: a title or role before a capitalized name (``Defense Minister Kim Kwan-jin``, ``President
  Obama``), a speech verb next to a name of two words or more (``said Josh Earnest``), an appositive
  (``Steve Tsang, director of ...``), ``Mr./Dr.``;
- ko: a Hangul name before a role (``김관진 국방부 장관``, ``손흥민 선수``) or an age (``김문태(45)씨``);
- ja: a name before a role or honorific (``北沢俊美防衛相``, ``ジョブズ氏``), honorifics stripped;
- zh: a role before or after a name with a known surname (``国防部长梁光烈``, ``习近平主席``);
- ru: a role before a first name and surname, brought back to the nominative.

Later short mentions (``Kim``, ``Kitazawa``) fold into the full name. Reporters (authors, ``X 기자``,
``记者 X``) are never people. ``role`` and ``country`` come from the title and its qualifier
(``South Korean``, ``Japan's``, ``Seoul's Defense Ministry``).
"""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick
import regex

from .. import gazetteer
from ..doc import Doc
from ..memo import TextDict
from ..rules import Rules
from ..rules.regexes import compile_rx
from .matcher import bmp_class, no_astral
from .places import Mention

EN_ROLES = """President|Vice President|Prime Minister|Deputy Prime Minister|Minister|Defense Minister|Defence Minister|
Foreign Minister|Finance Minister|Interior Minister|Health Minister|Trade Minister|Unification Minister|Chancellor|
Premier|Secretary of State|Secretary|Defense Secretary|Treasury Secretary|State Secretary|Press Secretary|
Secretary-General|Secretary General|Chairman|Chairwoman|Chair|Vice Chairman|General|Gen\\.|Lt\\. Gen\\.|Maj\\. Gen\\.|
Brig\\. Gen\\.|Col\\.|Lt\\.|Capt\\.|Sgt\\.|Adm\\.|Admiral|Marshal|Commander|Senator|Sen\\.|Rep\\.|Representative|Gov\\.|
Governor|Mayor|Speaker|House Speaker|Ambassador|Envoy|Director|Director-General|Chief Executive|CEO|Chief|
Judge|Justice|Chief Justice|Prosecutor|Attorney General|Pope|King|Queen|Prince|Princess|Emperor|Empress|
Crown Prince|Sheikh|Supreme Leader|Leader|Chairman of the State Affairs|Premier|Professor|Prof\\.|Dr\\.|Mr\\.|Mrs\\.|
Ms\\.|Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Rev\\.|Father|Bishop|Archbishop|Cardinal|Coach|Manager|Captain|Spokesman|
Spokeswoman|Spokesperson|spokesman|spokeswoman|spokesperson|counterpart|leader|minister|president|premier|
chairman|chairwoman|director|professor|analyst|official|commander|ambassador|envoy|lawmaker|legislator|
senator|governor|mayor|coach|striker|midfielder|defender|goalkeeper|singer|actor|actress|rapper|
chief|secretary|attorney|lawyer|prosecutor|judge|CEO|founder|co-founder|executive|economist|researcher|
fellow|scientist|survivor|resident|witness|victim|student|teacher|officer|meteorologist|forecaster|
pastor|priest|cleric|activist|candidate|nominee|adviser|advisor|aide|negotiator|diplomat|head|chef|
brother|sister|son|daughter|wife|husband|mother|father|widow|widower|uncle|aunt|cousin|nephew|niece|grandson|
granddaughter|grandmother|grandfather|fiancee|fiancé|fiancée|girlfriend|boyfriend|worker|nurse|doctor|engineer|
pilot|farmer|owner|employee|volunteer|passenger|shopkeeper|vendor|
presidente|primer ministro|ministro|ministra|juez|jueza|fiscal|abogado|abogada|portavoz|rey|reina|infanta|
infante|alcalde|alcaldesa|director|directora|secretario|secretaria|consejero|consejera|
Präsident|Präsidentin|Kanzler|Kanzlerin|Minister|Ministerin|Sprecher|Sprecherin|Bürgermeister|Chef|Trainer""".replace("\n", "")
EN_SPEECH = ("said|says|told|added|noted|stressed|urged|announced|wrote|asked|warned|explained|insisted|"
             "argued|declared|recalled|acknowledged|confirmed|denied|tweeted|replied|"
             "responded|commented|admitted|conceded|cautioned|emphasized|emphasised|suggested|"
             "testified|as saying|dijo|afirmó|aseguró|explicó|"
             "señaló|indicó|sagte|erklärte|betonte")
EN_STOP = frozenset("""The A An He She They It We I You But And Or In On At Of For With By This That These Those His Her
Their Our Its Also When While After Before As If So Then There Here What Who Why How Where Which Some Many Most All
Both Each Every Other Such No Not Yes Now Today Yesterday Tomorrow Last Next Earlier Later Meanwhile However
Although Though Because Since Under Over From To Into During Among Between Against Without Within According
Officials Police Authorities Residents People Government Ministry Department Agency University Airport Court
Committee Council Party Army Navy Air Force Forces Military Congress Parliament Assembly Senate House White
Republic Kingdom States State Union United Nations National International Center Centre Institute Association
Group Company Corp Inc News Times Post Daily Herald Journal Press Service Station Office Bureau Board Commission
God Lord Jesus Christmas Easter Lunar Year New Olympic Olympics Games Cup World Twitter Facebook Instagram YouTube
Covid COVID Coronavirus Internet Web Photo Reuters AFP AP Yonhap Xinhua KCNA CNN BBC Watch Read More Click Share
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Mount Lake River Sea Island Islands Street Road Avenue Square
Ministers Minister President Presidents Prime Secretary Vice Deputy Chief Defense Defence Foreign Finance Interior
Spokesman Spokeswoman General Gen Adm Governor Mayor Senator Leader Chairman Director Ambassador King Queen
Prince Pope Emperor Supreme Commander Marshal Premier Chancellor Sen Rep Gov Mr Mrs Ms Dr Prof Sir Lady Dame
Experts Medics Analysts Witnesses Critics Doctors Sources Soldiers Lawmakers Students Scientists Researchers
Observers Protesters Activists Diplomats Investigators Prosecutors Officers Rescuers Villagers Locals Organizers
El La Los Las Una Der Die Das Ein Eine Und Del De En Y Sr Sra Don Doña Herr Frau""".split())
EAST_ASIAN_SURNAMES = frozenset("""Kim Lee Park Choi Jung Jeong Kang Cho Jo Yoon Yun Jang Lim Im Han Oh Seo Shin Kwon Hwang Ahn
Song Ryu Yoo Yu Hong Jeon Jun Ko Go Moon Mun Yang Son Bae Baek Heo Nam Sim Noh Roh Ha Kwak Sung Cha Ju Woo Koo Gu Min
Jin Ji Chae Won Chun Bang Gong Hyun Ham Byun Yeom Chu Do So Seok Sul Ma Kil Yeon Wi Pyo Myung Ki Ban Wang Ok Yuk In
Maeng Je Mo Tak Kook Eo Eun Pyeon Yong Ri Rim Xi Hu Wen Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Zhu Gao Lin
He Guo Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai Jiang Yu Du Ye Cheng
Wei Su Lu Ding Ren Shen Yao Jiang Fan Fu Zhong Lu Tan Liao Xiong Jin Hao Kong Bai Cui Kang Mao Qiu Qin Shi Gu Hou
Shao Meng Long Wan Duan Lei Qian Tang Yin Yi Chang Wong Chan Leung Lam Cheung Ho Ng Tsai Tsang Ma Lai Ko Hsu Chiang
Chu Yeh Kuo Hsieh Chou Wu Yun""".split())

KO_ROLES = ("전 대통령|대통령|대통령실|부총리|총리|국무총리|장관|차관|국방장관|국무장관|외교장관|의원|대표|원내대표|위원장|"
            "회장|부회장|사장|대표이사|이사장|이사|감독|코치|선수|씨|여사|대변인|교수|변호사|검사|판사|주석|국가주석|총재|"
            "원장|청장|시장|지사|도지사|구청장|대사|단장|국장|과장|부장|실장|본부장|작가|배우|가수|총장|특보|비서관|수석|"
            "비서실장|총리|왕세자|국왕|여왕|교황|의장|당선인|후보|후보자|전 장관|전 의원|군|양|옹|CEO|최고경영자|"
            "창업자|멤버|PD|연출|전 감독|셰프|박사|소장|센터장|공동대표|당대표|최고위원|사무총장|총서기|위원|특사|대주교|"
            "신부|목사|스님|경위|경감|경정|경사|경장|순경|기장|부대변인|대령|중령|소령|대위|중장|소장|대장|원수")
KO_SURNAMES = set("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함"
                  "변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예봉사경태좌")
KO_STOP = frozenset("""전 현 신임 당시 이날 정부 국가 우리 해당 관련 전직 각 새 전임 후임 차기 역대 초대 현직 공동 해외 국내 야당 여당
여야 측 대한 민주 노동 북한 소속 출신 담당 당 팀 구단 소속사 사무 행정 부처 국방 외교 통일 법무 기재 교육 문화 환경
산업 지역 현지 전국 중앙 시 도 구 군 한국 미국 중국 일본 러시아 이번 지난 오는 올해 내년 지난해 그 이 저 두 세 네 한
같은 다른 모든 여러 일부 주요 최근 향후 대해 위해 대한 통해 함께 또 또한 그러나 하지만 그리고 이어 한편 특히 다만
직접 공식 정식 임시 최고 수석 부 본 동 해 이후 이전 앞서 지금 현재 당일 오전 오후 밤 낮 새벽 국회 검찰 경찰 법원
대통령 장관 선수 감독 시장 회장 사장 아홉 여덟 일곱 하나 다섯 여섯 관계자 관계 인사 측근 가족 아내 남편 아들 딸 부인 어머니 아버지 씨 팬 팬들
모두 전원 전체 다수 각각 대부분 일동 다들 본인 자신 스스로 이들 그들 당사자 역시 자체 직원 회원 학생 주민 시민 국민 누구 아무
정도 최대 최초 처음 마지막 주장 부주장 구성 출연 데뷔 활동 인기 배우 가수 멤버 그룹 연습생 기자 앵커 리포터 국장""".split())

JA_ROLES = ("国家主席|主席|大統領|首相|元首相|前首相|副大統領|副首相|官房長官|外相|防衛相|財務相|経産相|国防相|"
            "国防長官|国務長官|長官|大臣|総理|総理大臣|委員長|総書記|書記長|総裁|代表|議員|知事|市長|区長|町長|"
            "社長|会長|副社長|取締役|監督|選手|容疑者|被告|被告人|教授|弁護士|氏|さん|様|君|ちゃん|"
            "CEO|最高経営責任者|報道官|大使|司令官|議長|党首|幹事長|団長|理事長|院長|所長|部長|課長|局長|"
            "アナウンサー|投手|捕手|騎手|シェフ|夫妻|元大統領|前大統領|国王|女王|皇太子|法王|教皇|容疑|"
            "被害者|さま|師|先生|医師|記者|カメラマン")
JA_STOP = frozenset("""同 同氏 両 両氏 各 前 元 現 新 旧 副 故 次期 日本 政府 米国 中国 韓国 北朝鮮 同社 当社 本社 会社 同国 両国
首相 大統領 首脳 社長 会長 担当 関係 関係者 同党 与党 野党 民主 自民 公明 政権 当局 警察 検察 国会 内閣 官邸 議会
県 府 都 市 区 町 村 国 米 日 英 中 韓 露 朝 東京 大阪 日米 日韓 日中 米韓 米中 外務 防衛 財務 国防 国務 国家 政治 経済
代表 委員 首席 総合 共同 国際 全国 地方 地元 中央 現地 海外 国内 一部 多く 今回 前回 次回 最後 最初 容疑 元社員 男性 女性 少年 少女 男 女
父 母 妻 夫 息子 娘 長男 長女 次男 次女 友人 知人 家族 彼 彼女 私 僕 俺 自分 相手 選手 監督 本人 当時 現在 今 同日 本日 昨日
今日 明日 今年 昨年 来年 作品 番組 映画 番組内 本件 ファン 人気 店 店長 同店 代表取締役""".split())

ZH_ROLES_BEFORE = ("国家主席|國家主席|总书记|總書記|主席|国务院总理|總理|总理|副总理|副總理|国防部长|國防部長|外交部长|"
                   "外交部長|外长|外長|部长|部長|发言人|發言人|总统|總統|副总统|副總統|市长|市長|董事长|董事長|主任|"
                   "常委|书记|書記|局长|局長|院长|院長|秘书长|祕書長|秘書長|特首|行政长官|行政長官|议员|議員|立委|"
                   "主委|检察官|檢察官|法官|教授|球员|球員|选手|選手|教练|教練|处长|處長|厅长|廳長|省长|省長|会长|"
                   "會長|理事长|理事長|总经理|總經理|执行长|執行長|大使|司令员|司令|上将|中将|少将|律师|律師|"
                   "党主席|黨主席|议长|議長|首相|委员长|委員長|副主席|国务委员|國務委員|大法官|总裁|總裁|负责人|負責人|"
                   "召集人|参选人|參選人|候选人|候選人|代表|创办人|創辦人|主持人|副市长|副市長|前主席|前总统|前總統|"
                   "司长|司長|政务司司长|政務司司長|财政司司长|財政司司長|议员|議員|直选议员|直選議員|主席团|"
                   "候任|当选人|當選人|特首|军委主席|軍委主席|选手|選手|组合|組合")
ZH_ROLES_AFTER = ("主席|总书记|總書記|总理|總理|副总理|副總理|部长|部長|总统|總統|市长|市長|先生|女士|教授|大使|"
                  "委员长|委員長|首相|议员|議員|立委|书记|書記|院长|院長|董事长|董事長|同志|总裁|總裁|副主席|"
                  "发言人|發言人|特首|律师|律師|检察官|檢察官|法官")
ZH_CONJ = frozenset("和与與及跟同、")
ZH_SURNAMES = set("""赖賴习習王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾
肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹
薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏
倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉
骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁
窦竇戚岑景党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲
虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞
位厉厲伊仝区區郜海阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈
晁芮都普阙闕浦戈伏鹿薄邸雍辜羊阿乌烏母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇公哈湛宾賓戎勾茅利
於呼居揭干但尉冶斯元束檀衣信展阴陰昝智幸奉植衡富尧堯闭閉由""")
ZH_AFTER_NAME = set("签簽视視考看晤谈談到访訪抵步向""在说說表示指出强強调調會会见見出席主持、，。：；的和与與同参參加前往致电電讲講话話发發表日当當今近也还還就对對向为為于於是将將已曾等则則并並称稱认認提回答介绍紹坦承透露呼吁籲宣布佈告诉訴")

RU_ROLES = ("президент|президента|президентом|пресс-секретарь|пресс-секретаря|министр|министра|глава|главы|лидер|"
            "лидера|премьер|премьер-министр|спикер|госсекретарь|посол|представитель|председатель|помощник|"
            "советник|канцлер|генсек|губернатор|мэр|сенатор|депутат|директор|руководитель|официальный представитель")
RU_PAT = None


def _fixed(source: str, name: str = "") -> regex.Pattern:
    """A code-internal pattern of bounded work (no rule-file text in it): compiled without ``Rx``'s
    per-call time limit, which costs more than most of these calls. ``name`` says what it finds."""
    return regex.compile(source)


def _names_section(rules: Rules, lang: str) -> dict:
    loc = rules.locale(lang)
    return loc.get("names", {}) if isinstance(loc, dict) else {}


def _alt(extra: list[str], base: str) -> str:
    """One alternation, longest entry first; equal lengths in code-point order, so the pattern (and what a
    user's regex entry wins over) never depends on the set's hash order."""
    xs = sorted({x for x in base.split("|") if x} | {x for x in extra if x}, key=lambda x: (-len(x), x))
    return "|".join(x if "\\" in x else x.replace(".", "\\.") for x in xs)


def _patterns(rules: Rules) -> dict:
    def build(r: Rules) -> dict:
        extra: list[str] = []
        for code in ("en", "es", "de", "fr", "pt", "it"):
            extra += list((_names_section(r, code).get("titles", {}) or {}).get("before", []) or [])
        roles = _alt(extra, EN_ROLES)
        tok = (r"(?:\p{Lu}\.|(?:Mc|Mac|Van|De|La|Le|Di|O['’]|D['’])?\p{Lu}\p{Ll}+(?:[\-'’](?!s\b)\p{L}\p{Ll}*)*)")
        conn = r"(?:al-|el-|bin |von der |von |van der |van |de la |de los |de |del |da |dos |y |le |la |di |ter )"
        name = rf"{tok}(?:[ \t]+{conn}?{tok}){{0,3}}|{conn}{tok}"
        name = rf"(?:{tok}(?:[ \t]+(?:{conn})?{tok}){{0,3}})"
        ko = _names_section(r, "ko").get("titles", {}) or {}
        ja = _names_section(r, "ja").get("titles", {}) or {}
        zh = _names_section(r, "zh").get("titles", {}) or {}
        ko_roles = _alt(list(ko.get("after", []) or []), KO_ROLES)
        ja_roles = _alt(list(ja.get("after", []) or []) + list(_names_section(r, "ja").get("honorifics") or []),
                        JA_ROLES)
        zhb = _alt(list(zh.get("before", []) or []), ZH_ROLES_BEFORE)
        zha = _alt(list(zh.get("after", []) or []), ZH_ROLES_AFTER)
        words: dict[str, tuple] = {}  # a word listed twice keeps its last kind
        for w in sorted({x.replace("\\.", ".") for x in roles.split("|") if x}):
            words[w] = (len(w), "role", w)
        for w in EN_SPEECH.split("|"):
            words[w] = (len(w), "verb", w)
        for w in ("according to", "led by", "quoted", "quoting"):
            words[w] = (len(w), "fwd", w)
        for w in ("a", "an", "the", "his", "her", "who", "whose", "aged", "member", "head", "chief", *"123456789"):
            words[f", {w}"] = (len(w) + 2, "appos", w)
        anchors = _latin_automaton(words)
        return {
            "anchors": anchors,
            "comma_name": _fixed(rf",[ \t]+(?P<name>{name})(?=[ \t]*[,.;])", "entities.person.comma_appositive"),
            "name_after": _fixed(rf",?(?:[ \t]+|(?=\p{{Lu}}))(?:by[ \t]+)?(?P<name>{name})(?![\p{{L}}])", "entities.person.title"),
            "name_fwd": _fixed(rf"[ \t]+(?P<name>{name})(?![\p{{L}}])", "entities.person.said"),
            "name_before_verb": _fixed(rf"(?<![\p{{L}}’'])(?P<name>{name}),?[ \t]+$", "entities.person.said"),
            "name_before_comma": _fixed(rf"(?<![\p{{L}}’'])(?P<name>{name})$", "entities.person.appositive"),
            "name_before_role": _fixed(rf"(?<![\p{{L}}’'])(?P<name>{name}),[ \t]+(?:[\p{{L}}.'\-]+[ \t]+){{0,4}}$",
                                           "entities.person.appositive"),
            "ko_roles": _auto(ko_roles.split("|")),
            "ko_back": _fixed(r"(?<![\p{Hangul}\w])(?P<name>\p{Hangul}{2,4})"
                                  r"(?:[ ]?\([^()\n]{0,20}\))?[ ]?(?:(?P<org>\p{Hangul}{1,8}(?:부|청|처|원|회|당|단|실|사|관|국|팀|소))[ ])?$",
                                  "entities.person.ko"),
            "ko_age": _fixed(r"(?<![\p{Hangul}\w])(?P<name>\p{Hangul}{2,4})\((?:\d{1,3}|[^()\n]{1,15}·[^()\n]{1,15})\)",
                                 "entities.person.ko_age"),
            "ko_reporters": _auto(KO_REPORTER_WORDS),
            "ko_reporter": _fixed(r"(?P<name>\p{Hangul}{2,4})[ ]?$", "entities.person.ko_reporter"),
            "ko_pre": _fixed(rf"(?<![\p{{Hangul}}\w])(?P<role>{KO_PRE_ROLES})[ ](?P<name>\p{{Hangul}}{{2,6}})(?=[ ,.·)'\"’”(]|$)",
                                 "entities.person.ko_title"),
            "ko_coord": _fixed(r"[ ](?P<name>\p{Hangul}{2,4})[ ]?등(?:이|을|은|도|의|과|와|이다)?(?!\p{Hangul})",
                                   "entities.person.ko_list"),
            # a surname, a syllable, and a last syllable no common noun ends with (checked again in code)
            "ko_word": _fixed(rf"(?<![\p{{Hangul}}\w])(?P<name>[{''.join(sorted(KO_SURNAMES))}]\p{{Hangul}}"
                                  rf"(?:(?![{''.join(sorted(KO_NOUN_END))}])\p{{Hangul}}))"
                                  r"(?P<tail>[이가은는을를의도와과]|에게|)(?![\p{Hangul}])",
                                  "entities.person.ko_repeated"),
            "ko_slash": _fixed(r"(?<![\p{Hangul}\w])(?P<name>\p{Hangul}{3})[ ]?/[ ]?\p{Hangul}", "entities.person.ko_interview"),
            "ja_role": compile_rx(ja_roles, "entities.person.ja"),
            "ja_of": _fixed(r"(?P<role>大統領|首相|委員長|国家主席|主席|社長|会長|代表|総書記|長官|外相)の"
                                r"(?P<name>[\p{Katakana}ー・＝]{2,16}|[\p{Han}]{2,4})(?=[^\p{Han}\p{Katakana}ー]|$)",
                                "entities.person.ja_of"),
            "ja_paren": _fixed(r"(?<![\p{Han}\p{Katakana}ー])(?P<name>[\p{Han}]{2,4})（(?:\d{1,3}|[\p{Katakana}ー・]{2,20})）",
                                   "entities.person.ja_paren"),
            "ja_spaced": _fixed(r"(?:代表取締役社長|代表取締役|取締役|社長|会長|代表|理事長|学長|頭取|院長|所長|局長|監督|委員長)"
                                    r"[ \t\u3000]+(?P<sur>\p{Han}{1,3})[ \u3000](?P<given>\p{Han}{1,3})"
                                    r"(?![\p{Han}\p{Hiragana}\p{Katakana}])", "entities.person.ja_spaced"),
            "ja_ext": _fixed(r"\p{Han}{1,2}(?=[がはにのをともへ]|氏|さん|容疑者|被告)", "entities.person.ja_full"),
            "zh_before": _auto(zhb.split("|")),
            "zh_after": _auto(zha.split("|")),
            "zh_pair": _fixed(r"(?<![\p{Han}])(?P<a>[\p{Han}]{2,3})/(?P<b>[\p{Han}]{2,3})(?![\p{Han}])", "entities.person.zh_pair"),
            "zh_reporters": _auto(["记者", "記者", "通讯员", "通訊員", "摄影", "攝影"]),
            "ru_roles": _auto(RU_ROLES.split("|")),
            "ru": _fixed(r"(?:[ ](?:[\p{Ll}\-]+|РФ|США|России|Украины)){0,3}[ ](?P<name>\p{Lu}\p{Ll}+[ ]\p{Lu}\p{Ll}+)",
                             "entities.person.ru"),
            "demonyms": _latin_automaton({w: (len(w), w) for w in
                                          {d.replace("\\.", ".") for d in gazetteer.index(r)["demonyms"] if d}}),
            "ru_pair": _fixed(r"(?<![\p{L}.] )(?<=[\p{Ll},] )(?P<name>\p{Lu}\p{Ll}{2,}[ ]\p{Lu}\p{Ll}{2,})(?![ ]\p{Lu})",
                                  "entities.person.ru_pair"),
        }
    return rules.view("entities.people", build)


# Letters by how often they occur in Latin-script text: an automaton node tries its next characters in
# the order they were added, so adding words in this order makes the common steps the cheap ones.
_LETTER_ORDER = {c: i for i, c in enumerate(" etaoinsrhldcumfpgwybvkxjqz,.'-ETAOINSRHLDCUMFPGWYBVKXJQZ")}


def _letter_rank(w: str) -> tuple[int, ...]:
    """The sort key that adds ``w`` after words whose characters are more common, position by position."""
    return tuple(_LETTER_ORDER.get(c, 100 + ord(c)) for c in w)


def _latin_automaton(words: dict[str, tuple]) -> ahocorasick.Automaton:
    """An automaton over ``words`` (word -> value), built in ``_letter_rank`` order (same matches, found faster)."""
    a = ahocorasick.Automaton()
    for w in sorted(words, key=_letter_rank):
        a.add_word(w, words[w])
    a.make_automaton()
    return a


def _auto(words) -> ahocorasick.Automaton:
    """An automaton over literal words (value: (length, word)); ``_anchors`` iterates it."""
    a = ahocorasick.Automaton()
    for w in sorted({w.replace("\\.", ".") for w in words if w}):
        a.add_word(w, (len(w), w))
    a.make_automaton()
    return a


def _anchors(auto: ahocorasick.Automaton, text: str, overlapping: bool = False):
    """(start, end, word) of the automaton's words in ``text``, leftmost-longest unless ``overlapping``."""
    if auto.kind == ahocorasick.EMPTY or not text:
        return
    for end, (n, w) in (auto.iter(text) if overlapping else auto.iter_long(text)):
        yield end + 1 - n, end + 1, w


def _is_hangul(c: str) -> bool:
    return "\uac00" <= c <= "\ud7a3"


def _russian(pats: dict, text: str):
    """Matches of a role then a first name and surname, and of a name pair after a lower-case word."""
    low = text.lower()
    out = []
    if len(low) == len(text):
        last = 0
        for s, e, _w in _anchors(pats["ru_roles"], low):
            if s < last:
                continue
            m = pats["ru"].match(text, e)
            if m:
                out.append(m)
                last = m.end()
    out.extend(pats["ru_pair"].finditer(text))
    return out


class _Person:
    __slots__ = ("name", "mentions", "role", "country", "spans", "tokens", "first")

    def __init__(self, name: str, first: int):
        self.name = name
        self.mentions: list[str] = [name]
        self.role: str | None = None
        self.country: str | None = None
        self.spans: list[tuple[int, int, int]] = []
        self.tokens = name.split()
        self.first = first


def _gaz_memo(rules: Rules) -> dict:
    """Per rules: (kind, text) -> answer of ``_gaz_name`` / ``_gaz_strong`` (the same words recur in every text)."""
    return rules.view("entities.people.gaz_memo", lambda r: TextDict())


_MEMO_MAX = 200_000


def _memo_put(memo: dict, key: object, value: object) -> object:
    if len(memo) >= _MEMO_MAX:
        memo.clear()
    memo[key] = value
    return value


def _gaz_name(rules: Rules, s: str) -> bool:
    """A name the gazetteer knows as a place, organization or agency."""
    memo = _gaz_memo(rules)
    v = memo.get(("n", s))
    if v is not None:
        return v
    ix = gazetteer.index(rules)
    f = gazetteer.fold(s)
    return _memo_put(memo, ("n", s), f in ix["places"] or f in ix["orgs"] or f in ix["short_orgs"] or f in ix["agencies"])


def _gaz_strong(rules: Rules, s: str) -> bool:
    """A name the gazetteer knows as an organization, a country/region or a large city."""
    memo = _gaz_memo(rules)
    v = memo.get(s)
    if v is not None:
        return v
    ix = gazetteer.index(rules)
    f = gazetteer.fold(s)
    if f in ix["orgs"] or f in ix["short_orgs"] or f in ix["agencies"]:
        return _memo_put(memo, s, True)
    for e in ix["places"].get(f) or []:
        if e.get("kind") != "city" or gazetteer.rank(e) >= 1_000_000:
            return _memo_put(memo, s, True)
    return _memo_put(memo, s, False)


ORG_TOKENS = frozenset("""Ministry Department Agency University College Institute Airport Party Council Committee Court
Procuratorate Administration Commission Association Foundation Corporation Company Group Bank Electric Safety
Highway Traffic Office Bureau Board Service Police Army Navy Force Forces Center Centre School Hospital Church
Times Post News Daily Herald Journal Club League Union Federation Organization Organisation Fund Network Station
Assembly Parliament Congress Senate Government Authority Airlines Airways Motors Industries Holdings""".split())


def _strip_en(rules: Rules, name: str, demonyms: dict) -> str:
    """``name`` without leading and trailing stop words, demonyms and (before two more words) gazetteer
    names; "" when a word of it names an organization (remembered per rules, like ``_gaz_strong``)."""
    memo = _gaz_memo(rules)
    key = ("strip", id(demonyms), name)
    v = memo.get(key)
    if v is None:
        v = _memo_put(memo, key, _strip_en_words(rules, name, demonyms))
    return v


def _strip_en_words(rules: Rules, name: str, demonyms: dict) -> str:
    toks = name.split()
    if any(t in ORG_TOKENS for t in toks):
        return ""
    while toks and (toks[0] in EN_STOP or toks[0] in demonyms or toks[0].rstrip(".") in EN_STOP
                    or _gaz_strong(rules, toks[0]) and len(toks) > 2 and toks[0] not in EAST_ASIAN_SURNAMES):
        toks = toks[1:]
    while toks and (toks[-1] in EN_STOP):
        toks = toks[:-1]
    return " ".join(toks)


def _country_before(text: str, start: int, seg: int, places: list[Mention], orgs: list[Mention],
                    demonyms: dict, rules: Rules, main_country: str | None) -> str | None:
    """The country a role phrase names just before ``start``: a demonym, a place (``Japan's``) or an org."""
    window = text[max(0, start - 60):start]
    best, best_pos = None, -1
    best_end = -1
    for i, e, d in _anchors(_patterns(rules)["demonyms"], window, overlapping=True):
        # the last demonym written as a word; of ``North Korean`` and ``Korean`` (same end) the longer
        if (i == 0 or not window[i - 1].isalpha()) and (e >= len(window) or not window[e].isalpha()) and (
                e > best_end or e == best_end and i < best_pos):
            best, best_pos, best_end = demonyms[d], i, e
    off = max(0, start - 60)
    low = window.lower()
    for word in ("ministry", "government", "military", "army", "navy", "agency", "office", "coast guard"):
        k = low.rfind(word)
        if k >= 0 and k > best_pos and window[k].islower():
            cc = _last_org_country(word, orgs, seg, off + k, text, places, main_country)
            if cc:
                best, best_pos = cc, k
    for m in places:
        if m.seg == seg and off <= m.start and m.end <= start:
            pos = m.start - off
            if pos > best_pos and m.key.places:
                best, best_pos = m.key.places[0].get("country"), pos
    for m in orgs:
        if m.seg == seg and off <= m.start and m.end <= start:
            pos = m.start - off
            if pos > best_pos:
                e = _resolve_org(m, text, places, main_country)
                if e and e.get("country"):
                    best, best_pos = e["country"], pos
    return best


def _last_org_country(word: str, orgs: list[Mention], seg: int, pos: int, text: str, places: list[Mention],
                      main_country: str | None) -> str | None:
    """``the ministry spokesman``: the country of the last organization named with that word before."""
    best = None
    for m in orgs:
        if (m.seg, m.start) < (seg, pos) and word in m.text.lower():
            e = _resolve_org(m, text if m.seg == seg else "", places, main_country)
            if e and e.get("country"):
                best = e["country"]
    return best


def _clean_role(role: str) -> str:
    return role.strip().rstrip(".") if role.endswith(".") and len(role) > 4 else role.strip()


def extract(doc: Doc, segs: list[str], places: list[Mention], orgs: list[Mention], ctx: set,
            main_country: str | None) -> list[dict]:
    rules = doc.rules
    lang = doc.language or ""
    pats = _patterns(rules)
    demonyms = gazetteer.index(rules)["demonyms"]
    authors = {str(a.get("name") or "").replace(" ", "") for a in doc.fields.get("authors") or [] if isinstance(a, dict)}
    found: dict[str, _Person] = {}
    order = 0
    honorifics = set(_names_section(rules, lang).get("honorifics") or []) | {"Mr.", "Mrs.", "Ms.", "Dr.", "씨", *JA_HONORIFICS}

    def add(name: str, seg: int, s: int, e: int, role: str | None = None, country: str | None = None) -> None:
        nonlocal order
        name = name.strip(" ・")
        if not name or name.replace(" ", "") in authors:
            return
        key = name.replace(" ", "")
        p = found.get(key)
        if p is None:
            p = found[key] = _Person(name, order)
            order += 1
        p.spans.append((seg, s, e))
        if role in honorifics:
            role = None
        if role and not p.role:
            p.role = _clean_role(role)
        if country and not p.country:
            p.country = country

    reporters: set[str] = set()
    for text in segs:
        if lang in ("ko",):
            for s, e, _w in _anchors(pats["ko_reporters"], text):
                if e < len(text) and _is_hangul(text[e]):
                    continue
                m = pats["ko_reporter"].search(text, max(0, s - 5), s)
                if m:
                    reporters.add(m.group("name"))
        if lang.startswith("zh") or lang == "ja":
            for _s, e, _w in _anchors(pats["zh_reporters"], text):
                if e < len(text) and text[e] == " ":
                    e += 1
                n = 0
                while n < 3 and e + n < len(text) and _is_han(text[e + n]):
                    n += 1
                if n >= 2:
                    reporters.add(text[e:e + n])
    for seg, text in enumerate(segs):
        if lang.startswith("zh") or lang == "ja":
            _cjk(rules, pats, text, seg, lang, add, reporters, places, orgs, demonyms, main_country)
        elif lang == "ko":
            _korean(rules, pats, text, seg, add, reporters)
        elif lang == "ru":
            for m in _russian(pats, text):
                nm = _ru_nominative(m.group("name"))
                # a first name may be a town's too (Владимир), not a large place or an organization
                if not _gaz_strong(rules, m.group("name").split()[0]) and not _gaz_name(rules, m.group("name")):
                    add(nm, seg, m.start("name"), m.end("name"))
        else:
            _latin(rules, pats, text, seg, add, places, orgs, demonyms, main_country)
            if lang in ("es", "pt", "it", "fr", "de", "ca"):
                # "su marido, Iñaki Urdangarin, una..." : a name set off by commas
                for m in pats["comma_name"].finditer(text):
                    _plain(rules, m.group("name"), seg, m.start("name"), add, 2)
    if lang.startswith("zh"):
        _zh_chain(rules, segs, found, add)
    if lang == "ja":
        _ja_full_names(rules, pats, segs, found, add)
    persons = sorted(found.values(), key=lambda p: p.first)
    if lang.startswith(("zh", "ja", "ko")):
        persons = _fold_cjk(persons)
    if lang in ("en", "es", "de", "fr", "pt", "it", "") or not lang:
        persons = _fold_latin(persons, segs)
    out = []
    for p in persons:
        if p.name.replace(" ", "") in reporters:
            continue
        out.append({"name": p.name, "mentions": p.mentions, "role": p.role, "country": p.country,
                    "_spans": p.spans})
    return out


# Cheap exact prefilters: each skips a regex call only where its pattern cannot match (a name needs a
# capital letter, \p{Lu} is a subset of str.isupper and \p{L} is str.isalpha), since every call pays the
# regex module's time-limit overhead.
def _ends_blank(win: str) -> bool:
    return bool(win) and win[-1] in " \t" and not win.islower()


# Lower-case words a name may hold (``bin Laden``, ``de la Cruz``; ``al-Assad`` is no word of letters only).
NAME_CONNECTORS = frozenset("bin von der van de la los del da dos y le di ter".split())


def _name_floor(win: str) -> int:
    """The earliest start of a name that ends ``win``: after the last word of lower-case letters only that is
    no connector (a word with other characters, ``company\\nNews``, may hold a name's start).

    Every word of a name starts with a capital or is a connector, so the ``$``-anchored name searches
    below may start there: the same leftmost match, without trying every earlier position."""
    end = len(win)
    for w in reversed(win.replace("\t", " ").split(" ")):
        if w and w[0].islower() and w.isalpha() and w not in NAME_CONNECTORS:
            return end
        end -= len(w) + 1
    return 0


def _name_starts(text: str, e: int, comma_by: bool = False) -> bool:
    """Whether a name can start after ``e`` as ``name_fwd`` (blanks) or ``name_after`` (``comma_by``: an optional
    comma, blanks or none, an optional ``by``) read it: the first letter there is a capital. Every word of a
    name starts with one, so the regex is not run where it cannot match (``the official said on``)."""
    n = len(text)
    j = e
    if comma_by and j < n and text[j] == ",":
        j += 1
    while j < n and text[j] in " \t":
        j += 1
    if comma_by and text.startswith("by", j) and j + 2 < n and text[j + 2] in " \t":
        j += 2
        while j < n and text[j] in " \t":
            j += 1
    return j < n and text[j].isupper()


def _latin(rules, pats, text, seg, add, places, orgs, demonyms, main_country) -> None:
    """Anchors (roles, speech verbs, appositive commas) found by one automaton; names checked around them."""
    n_text = len(text)
    for end, (n, kind, w) in pats["anchors"].iter(text):
        s, e = end + 1 - n, end + 1
        if kind != "appos" and ((s > 0 and text[s - 1].isalpha()) or (e < n_text and text[e].isalpha() and not (
                kind == "role" and text[e].isupper() and w[0].isupper()))):
            continue
        if kind == "appos" and e < n_text and text[e].isalnum() and not w.isdigit():
            continue
        nxt = text[e] if e < n_text else ""
        if kind == "role":
            # name_after: optional comma, then blanks or a capital
            m = pats["name_after"].match(text, e) if _name_starts(text, e, comma_by=True) else None
            if m:
                _from_role(rules, text, seg, add, places, orgs, demonyms, main_country, w, s, m)
            if w[0].islower() or w in ("Minister", "President"):
                win = text[max(0, s - 90):s]
                # name_before_role: a name, a comma, up to four words, blanks at the end; nothing after the
                # comma may hold another, so the name ends at the last comma (and starts after _name_floor)
                lc = win.rfind(",") if _ends_blank(win) else -1
                lb = pats["name_before_role"].search(win, _name_floor(win[:lc])) if lc >= 0 else None
                if lb:
                    _plain(rules, lb.group("name"), seg, s - (len(win) - lb.start("name")), add, 2)
        elif kind == "verb":
            win = text[max(0, s - 90):s]
            lb = pats["name_before_verb"].search(win, _name_floor(win)) if _ends_blank(win) else None
            if lb:
                st = s - len(win) + lb.start("name")
                _plain(rules, lb.group("name"), seg, st, add, 1, text)
            m = pats["name_fwd"].match(text, e) if nxt in (" ", "\t") and _name_starts(text, e) else None
            if m:
                _plain(rules, m.group("name"), seg, m.start("name"), add, 2)
        elif kind == "fwd":
            m = pats["name_fwd"].match(text, e) if nxt in (" ", "\t") and _name_starts(text, e) else None
            if m:
                _plain(rules, m.group("name"), seg, m.start("name"), add, 2)
        else:
            win = text[max(0, s - 90):s]
            # name_before_comma: the window ends with a name (a letter, or ``J.``)
            lb = pats["name_before_comma"].search(win, _name_floor(win)) \
                if win and (win[-1].isalpha() or win[-1] == ".") and not win.islower() else None
            if lb:
                _plain(rules, lb.group("name"), seg, s - len(win) + lb.start("name"), add, 2)


def _from_role(rules, text, seg, add, places, orgs, demonyms, main_country, role, rs, m) -> None:
    demonyms_ = demonyms
    name = _strip_en(rules, m.group("name"), demonyms_)
    if not name or _gaz_strong(rules, name) or any(t in EN_STOP for t in name.split()):
        return
    if role[0].islower() and len(name.split()) < 2:
        return
    cc = _country_before(text, rs, seg, places, orgs, demonyms, rules, main_country)
    if role in ("Pope", "King", "Queen", "Prince", "Princess", "Emperor", "Empress", "Sheikh", "Saint") \
            and len(name.split()) == 1:
        add(f"{role} {name}", seg, rs, m.end("name"), role, cc)
        return
    s = m.start("name") + m.group("name").find(name.split()[0])
    r = role if role.lower().rstrip(".") not in ("mr", "mrs", "ms", "dr", "sir") else None
    add(name, seg, s, s + len(name), r, cc)


def _plain(rules, raw: str, seg: int, st: int, add, min_tokens: int, text: str | None = None) -> None:
    """A name next to a speech verb or in an appositive: two words or more (one as a quoted speaker)."""
    demonyms = gazetteer.index(rules)["demonyms"]
    name = _strip_en(rules, raw, demonyms)
    toks = name.split()
    if not toks or _gaz_strong(rules, name) or any(t in EN_STOP for t in toks):
        return
    s = st + raw.find(toks[0])
    if len(toks) < min_tokens:
        # a lone surname only as a quoted speaker: '," Yohannes said'
        if text is None or len(toks) != 1 or s < 3 or text[s - 3:s - 1] not in (',"', ',”', '?"', '?”', '!"', '!”') \
                or _gaz_name(rules, name):
            return
    add(name, seg, s, s + len(name))


def _surname(p: _Person) -> str | None:
    t = p.tokens
    if len(t) < 2:
        return None
    if t[0] in EAST_ASIAN_SURNAMES and ("-" in t[1] or len(t) == 3 or t[1][0].isupper()) and not (
            t[-1] in EAST_ASIAN_SURNAMES and t[0] not in EAST_ASIAN_SURNAMES):
        return t[0]
    return t[-1]


def _fold_latin(persons: list[_Person], segs: list[str]) -> list[_Person]:
    """Short mentions (``Kim``, ``Kitazawa``, ``President Obama``) into the full name they stand for."""
    full = [p for p in persons if len(p.tokens) >= 2]
    by_sur: dict[str, list[_Person]] = {}
    for p in full:
        s = _surname(p)
        if s:
            by_sur.setdefault(s, []).append(p)
        if p.tokens[-1] != s:
            by_sur.setdefault(p.tokens[-1], [])
    # "Jong Il" written apart from "Kim Jong Il": a name that ends one longer name folds into it
    merged = []
    for p in persons:
        if len(p.tokens) >= 2:
            longer = [q for q in full if len(q.tokens) > len(p.tokens) and q.tokens[-len(p.tokens):] == p.tokens]
            if len(longer) == 1:
                q = longer[0]
                if p.name not in q.mentions:
                    q.mentions.append(p.name)
                q.spans += p.spans
                continue
        merged.append(p)
    persons = merged
    full = [p for p in persons if len(p.tokens) >= 2]
    out = []
    for p in persons:
        if len(p.tokens) == 1:
            owners = by_sur.get(p.name) or [q for q in full if p.name in q.tokens]
            if len(owners) == 1:
                q = owners[0]
                if p.name not in q.mentions:
                    q.mentions.append(p.name)
                q.role = q.role or p.role
                q.country = q.country or p.country
                q.spans += p.spans
                continue
            if len(owners) > 1:
                continue
        out.append(p)
    # names written later without their given name
    for sur, owners in sorted(by_sur.items()):
        if len(owners) != 1 or sur in owners[0].mentions:
            continue
        q = owners[0]
        for seg, text in enumerate(segs):
            k = text.find(sur)
            while k >= 0:
                e = k + len(sur)
                if (k == 0 or not (text[k - 1].isalpha() or text[k - 1] == "-")) and (
                        e >= len(text) or not (text[e].isalpha() or text[e] == "-")) and not any(
                        sg == seg and s <= k < e2 for p2 in full for sg, s, e2 in p2.spans):
                    q.mentions.append(sur)
                    q.spans.append((seg, k, e))
                    break
                k = text.find(sur, e)
            if sur in q.mentions:
                break
    return out


def _fold_cjk(persons: list[_Person]) -> list[_Person]:
    """``川越`` written alone after ``川越達也``: the surname folds into the one full name it starts."""
    out = []
    for p in persons:
        owners = [q for q in persons if q is not p and len(q.name) > len(p.name) and q.name.startswith(p.name)]
        if len(p.name) <= 2 and len(owners) == 1:
            q = owners[0]
            if p.name not in q.mentions:
                q.mentions.append(p.name)
            q.role = q.role or p.role
            q.spans += p.spans
            continue
        out.append(p)
    return out


KO_REPORTER_WORDS = ("기자", "특파원", "통신원", "앵커", "기상캐스터", "PD")
KO_PRE_ROLES = ("배우|가수|감독|선수|사업가|작가|싱어송라이터|래퍼|방송인|개그맨|개그우먼|코미디언|모델|아나운서|대통령|"
                "총리|장관|의원|위원장|대표|회장|사장|교수|변호사|주장|공격수|수비수|미드필더|골키퍼|투수|타자|연출가|"
                "프로듀서|셰프|CEO|창업자|감독관|여사|전 대통령|리더|멤버|작곡가|작사가|보컬|유튜버|소설가|시인|화가|"
                "디자이너|기타리스트|드러머|피아니스트|지휘자")
KO_TAIL = ("에게서", "에게", "에서", "께서", "과의", "와의", "이라는", "라는", "이다", "이며", "이고", "뿐만", "뿐", "처럼",
           "까지", "부터", "한테", "마저", "조차", "으로", "이", "가", "은",
           "는", "을", "를", "의", "과", "와", "도", "만", "씨")


@lru_cache(maxsize=1)
def _ko_bmp() -> dict[str, re.Pattern]:
    """``ko_pre`` and ``ko_word`` for text without astral characters, as stdlib patterns (several times faster):
    their classes hold exactly the BMP characters the ``regex`` classes (``\\p{Hangul}``, ``\\w``) match."""
    h, hw = bmp_class(r"\p{Hangul}"), bmp_class(r"[\p{Hangul}\w]")
    sur, ne = "".join(sorted(KO_SURNAMES)), "".join(sorted(KO_NOUN_END))
    roles = "|".join(f"{r}(?<!{hw}.{{{len(r)}}})" for r in KO_PRE_ROLES.split("|"))
    return {
        # each role checks the character before it after its own literal (``re`` then skips to a role's first letter)
        "ko_pre": re.compile(rf"(?P<role>{roles})[ ](?P<name>{h}{{2,6}})(?=[ ,.·)'\"’”(]|$)", re.S),
        # the look-behind after the surname (``re`` then skips to the next surname before it checks it)
        "ko_word": re.compile(rf"(?P<name>[{sur}](?<!{hw}.){h}(?![{ne}]){h})(?P<tail>[이가은는을를의도와과]|에게|)(?!{h})",
                              re.S),
    }


def _ko_pattern(pats: dict, name: str, text: str) -> re.Pattern | regex.Pattern:
    """``pats[name]``, or its stdlib twin (``_ko_bmp``) when ``text`` has no astral character."""
    if no_astral(text):
        return _ko_bmp()[name]
    return pats[name]


def _korean(rules, pats, text, seg, add, reporters) -> None:
    n_text = len(text)
    # roles ending at the same place, shortest first: "국방부 장관" is an organization and the role 장관
    for s, e, role in sorted(_anchors(pats["ko_roles"], text, overlapping=True), key=lambda a: (a[1], a[1] - a[0])):
        # a role word that is not the start of a longer word (``장관``, not ``장관급``), a name before it
        if e + 1 < n_text and _is_hangul(text[e]) and _is_hangul(text[e + 1]):
            continue
        if role in ("기자", "특파원") or s < 2:
            continue
        m = pats["ko_back"].search(text, max(0, s - 48), s)
        if not m:
            continue
        name = m.group("name")
        if not _ko_name_ok(rules, name, role):
            continue
        add(name, seg, m.start("name"), m.end("name"), role)
    for m in pats["ko_age"].finditer(text) if "(" in text else ():  # the pattern needs a "("
        name = m.group("name")
        if _ko_name_ok(rules, name, "씨"):
            add(name, seg, m.start("name"), m.end("name"))
    for m in _ko_pattern(pats, "ko_pre", text).finditer(text):
        name, role = m.group("name"), m.group("role")
        tail = ""
        for t in KO_TAIL:
            if name.endswith(t) and len(name) - len(t) >= 2:
                name, tail = name[: -len(t)], t
                break
        if len(name) == 3 and name[0] in KO_SURNAMES or role in STRONG_KO and 2 <= len(name) <= 5:
            if _ko_name_ok(rules, name, role if len(name) != 3 else "씨", particle_check=False):
                add(name, seg, m.start("name"), m.start("name") + len(name), role)
                if tail in ("와", "과") and role in STRONG_KO:
                    # "멤버 민니와 우기 등": the next name of a list shares the role
                    c = pats["ko_coord"].match(text, m.end("name"))
                    if c and c.group("name") not in KO_STOP and not _gaz_strong(rules, c.group("name")):
                        add(c.group("name"), seg, c.start("name"), c.end("name"), role)
    _ko_repeated(rules, pats, text, seg, add)
    for m in pats["ko_slash"].finditer(text) if "/" in text else ():
        name = m.group("name")
        if name[0] in KO_SURNAMES and _ko_name_ok(rules, name, "씨"):
            add(name, seg, m.start("name"), m.end("name"))


# last syllables of common three-syllable nouns that start like a surname (전문가, 조사단, 한국인, 지난해)
KO_NOUN_END = frozenset("가권사회원부청국장단실해에의은는을를이도로와과서고며면다요지게한할된될적들등측내외상중간전후대년월일시분"
                        "력성용업법품물금비층계선점식별명개건차번치률율량액감체류형급")


def _ko_repeated(rules, pats, text: str, seg: int, add) -> None:
    """A surname and two syllables written three times or more as a word of its own, at least once with a
    particle (``손흥민이``), is a person even with no role next to it."""
    if len(text) < 40:
        return
    seen: dict[str, list] = {}
    for m in _ko_pattern(pats, "ko_word", text).finditer(text):
        nm = m.group("name")
        if nm[0] in KO_SURNAMES and nm[-1] not in KO_NOUN_END:
            seen.setdefault(nm, []).append(m)
    for nm, ms in seen.items():
        if len(ms) < 3 or not any(m.group("tail") for m in ms) or nm in KO_STOP:
            continue
        if _gaz_name(rules, nm) or _gaz_name(rules, nm[:2]) or not _ko_name_ok(rules, nm, "씨"):
            continue
        for m in ms:
            add(nm, seg, m.start("name"), m.end("name"))


STRONG_KO = {"리더", "작곡가", "작사가", "보컬", "유튜버", "소설가", "시인", "화가", "디자이너", "기타리스트", "드러머",
             "피아니스트", "지휘자", "대통령", "총리", "장관", "감독", "선수", "국무장관", "주석", "국가주석", "CEO", "최고경영자", "창업자", "교황",
             "여사", "전 대통령", "총서기", "위원장", "회장", "대변인", "멤버", "배우", "가수", "작가", "셰프", "의원", "대표",
             "싱어송라이터", "래퍼", "공격수", "수비수", "미드필더", "골키퍼"}


def _ko_name_ok(rules, name: str, role: str, particle_check: bool = True) -> bool:
    if name in KO_STOP or any(w in KO_STOP for w in name.split()):
        return False
    if _gaz_strong(rules, name):
        return False
    if " " in name or name[-1] in "라다고며서면지요죠":
        return False
    if len(name) == 3 and name[0] in KO_SURNAMES:
        return not particle_check or name[-1] not in "의는을를에와과도로"
    if len(name) == 4 and name[:2] in ("남궁", "제갈", "선우", "황보", "독고", "사공"):
        return True
    if name[-1] in "의은는을를에와과도로":
        return False
    return role in STRONG_KO and len(name) >= 2


JA_HONORIFICS = ("氏", "さん", "様", "君", "ちゃん", "さま")


def _han_run_before(text: str, pos: int, limit: int = 14) -> int:
    i = pos
    while i > 0 and pos - i < limit and _is_han(text[i - 1]):
        i -= 1
    return i


def _kata_run_before(text: str, pos: int, limit: int = 24) -> int:
    i = pos
    while i > 0 and pos - i < limit and (_is_kata(text[i - 1]) or text[i - 1] in "・＝"):
        i -= 1
    return i


def _strip_left(run: str, roles: str, stops: tuple) -> str:
    """The name at the end of a run of Han characters: what follows the last role or org word in it.

    ``roles`` is an ``|``-separated list; each role's and stop word's last occurrence counts (one automaton pass)."""
    last: dict[tuple, int] = {}
    for end, word in _left_words(roles, stops).iter(run):
        last[word] = end + 1  # occurrences come in order of their ends: the last one wins
    n = len(run)
    cut = 0
    for (_, is_role, is_stop), e in last.items():
        if is_role and cut < e < n or is_stop and cut < e < n - 1:
            cut = e
    return run[cut:]


@lru_cache(maxsize=8)
def _left_words(roles: str, stops: tuple) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    rs, ss = {r for r in roles.split("|") if r}, set(stops)
    for w in sorted(rs | ss):
        a.add_word(w, (w, w in rs, w in ss))
    a.make_automaton()
    return a


JA_LEFT_STOPS = ("社", "省", "党", "県", "府", "国", "軍", "庁", "局", "所", "院", "会", "役", "団", "長", "相", "官", "員")
ZH_LEFT_STOPS = ("党", "省", "市", "县", "縣", "区", "區", "国", "國", "部", "局", "院", "会", "會", "军", "軍", "委",
                 "队", "隊", "组合", "組合", "司", "厅", "廳", "处", "處", "团", "團", "社", "员", "員", "长", "長")
ZH_NAME_STOP = ("国家", "国务", "國家", "國務", "中央", "政府", "但这", "但這", "这些", "這些", "其中", "其他", "以及",
                "同时", "同時", "并且", "此外", "副", "前", "现任", "現任", "新任", "时任", "時任", "该", "該", "各", "本")


def _cjk(rules, pats, text, seg, lang, add, reporters, places, orgs, demonyms, main_country) -> None:
    if lang == "ja":
        _japanese(rules, pats, text, seg, add, reporters)
        return
    last = 0
    n_text = len(text)
    for _s, e, role in _anchors(pats["zh_before"], text):
        if _s < last:
            continue
        k = 0
        while k < 4 and e + k < n_text and _is_han(text[e + k]):
            k += 1
        if k < 2:
            continue
        last = e + k
        nm = _zh_name(text[e:e + k], text, e, default3=True)
        if nm and _zh_ok(rules, nm):
            add(nm, seg, e, e + len(nm), role)
    last = 0
    for rs, e, role in _anchors(pats["zh_after"], text):
        if rs - 2 < last or not (_is_han(text[rs - 1]) and _is_han(text[rs - 2])):
            continue
        last = e
        i = _han_run_before(text, rs)
        run = _strip_left(text[i:rs], ZH_ROLES_BEFORE, ZH_LEFT_STOPS)
        if len(run) > 2 and run[0] in ZH_CONJ:
            run = run[1:]  # "外长和李强总理": the conjunction joins two titled names
        nm = None
        if 2 <= len(run) <= 3 and run[0] in ZH_SURNAMES:
            nm = run
        elif len(run) > 3:
            nm = run[-3:] if run[-3] in ZH_SURNAMES else (run[-2:] if run[-2] in ZH_SURNAMES else None)
        if nm and _zh_ok(rules, nm):
            add(nm, seg, rs - len(nm), rs, role)
    for m in pats["zh_pair"].finditer(text) if "/" in text else ():  # the pattern needs a "/"
        a, b = m.group("a"), m.group("b")
        if a[0] in ZH_SURNAMES and b[0] in ZH_SURNAMES and _zh_ok(rules, a) and _zh_ok(rules, b):
            add(a, seg, m.start("a"), m.end("a"))
            add(b, seg, m.start("b"), m.end("b"))


def _zh_ok(rules, nm: str) -> bool:
    return (not nm.startswith(ZH_NAME_STOP) and not _gaz_strong(rules, nm) and not _gaz_strong(rules, nm[:2])
            and all(_is_han(c) for c in nm) and nm[-1] not in "党黨部局院会會委省市县縣区區国國军軍")


def _zh_chain(rules, segs: list[str], found: dict, add) -> None:
    """Names listed with a known person: ``王齊麟和李洋``, ``黄毓民、陈伟业``."""
    for _ in range(3):
        known = list(found.values())
        for p in known:
            occ = []
            for sg, tx in enumerate(segs):
                k = tx.find(p.name)
                while k >= 0:
                    occ.append((sg, k, k + len(p.name)))
                    k = tx.find(p.name, k + 1)
            for seg, s, e in occ:
                text = segs[seg]
                for j, step in ((e, 1), (s, -1)):
                    if step == 1 and j < len(text) and text[j] in "和與与、及":
                        nm = _zh_name(text[j + 1:j + 4], text, j + 1)
                        if nm and _zh_ok(rules, nm):
                            add(nm, seg, j + 1, j + 1 + len(nm))
                    if step == -1 and j > 0 and text[j - 1] in "和與与、及":
                        for n in (3, 2):
                            st = j - 1 - n
                            cand = text[max(0, st):j - 1]
                            if len(cand) == n and cand[0] in ZH_SURNAMES and _zh_ok(rules, cand) and (
                                    st == 0 or not _is_han(text[st - 1]) or text[st - 1] in "、，。的和與与及"):
                                add(cand, seg, st, j - 1)
                                break


def _japanese(rules, pats, text, seg, add, reporters) -> None:
    honor = JA_HONORIFICS + tuple(_names_section(rules, "ja").get("honorifics") or ())
    for m in pats["ja_role"].finditer(text):
        role = m.group(0)
        rs = m.start()
        if rs == 0:
            continue
        if _is_kata(text[rs - 1]) or text[rs - 1] in "・＝":
            i = _kata_run_before(text, rs)
            run = text[i:rs]
            nm = run.replace("＝", "・").split("・")[-1]
            if len(nm) < 2 or nm in JA_STOP or _gaz_strong(rules, nm) or _gaz_strong(rules, run):
                continue
            if role not in honor + ("大統領", "首相", "CEO", "監督", "選手", "容疑者", "被告", "会長", "社長",
                                            "国務長官", "委員長", "氏", "議員", "知事", "外相", "報道官", "大使"):
                continue
            if role in ("記者", "カメラマン"):
                reporters.add(nm)
                continue
            add(nm, seg, rs - len(nm), rs, None if role in honor else role)
        elif _is_han(text[rs - 1]):
            i = _han_run_before(text, rs)
            run = _strip_left(text[i:rs], JA_ROLES, JA_LEFT_STOPS)
            if len(run) > 4 or len(run) < 2:
                continue
            if role in ("記者", "カメラマン"):
                reporters.add(run)
                continue
            if run in JA_STOP or _gaz_strong(rules, run) or run.startswith(("同", "両", "各", "元", "前", "現", "故", "新")):
                continue
            if run.endswith(("県", "市", "都", "府", "国", "党", "省", "庁", "社", "軍", "局", "部", "所", "院", "屋", "店",
                             "家", "界", "側", "陣", "組", "隊", "団", "会", "版", "紙", "誌", "者", "人", "氏")):
                continue
            add(run, seg, rs - len(run), rs, None if role in honor else role)
    for m in pats["ja_of"].finditer(text) if "の" in text else ():  # the pattern needs a "の"
        nm = m.group("name")
        if _is_kata(nm[0]):
            nm = nm.replace("＝", "・").split("・")[-1]
        if len(nm) >= 2 and nm not in JA_STOP and not _gaz_strong(rules, nm):
            add(nm, seg, m.end("name") - len(nm), m.end("name"), m.group("role"))
    for m in pats["ja_paren"].finditer(text) if "（" in text else ():
        nm = m.group("name")
        if nm not in JA_STOP and not _gaz_strong(rules, nm) and not nm.endswith(JA_LEFT_STOPS):
            add(nm, seg, m.start("name"), m.end("name"))
    # "代表取締役　守安　功": a role over a name written with a space between surname and given name
    for m in pats["ja_spaced"].finditer(text):
        nm = m.group("sur") + m.group("given")
        if nm not in JA_STOP and not _gaz_strong(rules, nm) and not _gaz_strong(rules, m.group("sur")):
            add(nm, seg, m.start("sur"), m.end("given"))
    # "グラビアアイドル・ほしのあき", "ジョッキー・三浦": an occupation, a middle dot, the name
    k = text.find("・")
    while k > 0:
        if text[:k].endswith(JA_PRE_ROLES):
            nm, e = _ja_name_after(text, k + 1)
            if nm and nm not in JA_STOP and not _gaz_strong(rules, nm):
                add(nm, seg, k + 1, e)
        k = text.find("・", k + 1)


JA_PRE_ROLES = ("アイドル", "ジョッキー", "タレント", "女優", "俳優", "歌手", "モデル", "騎手", "棋士", "力士", "芸人",
                "作家", "漫画家", "声優", "キャスター", "アナウンサー", "ミュージシャン", "シンガー", "ラッパー", "コメディアン",
                "ボクサー", "レスラー", "ピアニスト", "指揮者", "画家", "写真家", "映画監督", "脚本家", "プロデューサー")
JA_PARTICLES = ("との", "とは", "とも", "には", "にも", "では", "から", "まで", "より", "が", "は", "に", "を", "の", "も",
                "と", "へ", "や", "で")


def _ja_name_after(text: str, i: int) -> tuple[str | None, int]:
    """The name that starts at ``i``: a run of kanji (2-4), of katakana, or of hiragana before a particle."""
    j = i
    n = len(text)
    if j < n and _is_han(text[j]):
        while j < n and _is_han(text[j]):
            j += 1
        return (text[i:j], j) if 2 <= j - i <= 4 else (None, j)
    if j < n and _is_kata(text[j]):
        while j < n and (_is_kata(text[j]) or text[j] == "ー"):
            j += 1
        return (text[i:j], j) if 2 <= j - i <= 12 else (None, j)
    while j < n and "\u3041" <= text[j] <= "\u309f":
        j += 1
    run = text[i:j]
    for t in JA_PARTICLES:
        if run.endswith(t) and len(run) - len(t) >= 2:
            run = run[: -len(t)]
            break
    return (run, i + len(run)) if 2 <= len(run) <= 6 and j - i > len(run) else (None, j)


def _ja_full_names(rules, pats, segs: list[str], found: dict, add) -> None:
    """``三浦`` found with a role, ``三浦皇成に`` written elsewhere: the one longer kanji name that starts with
    the surname and is followed by a particle or honorific is the full name."""
    for p in list(found.values()):
        if len(p.name) != 2 or not all(_is_han(c) for c in p.name):
            continue
        ext: dict[str, tuple] = {}
        for seg, text in enumerate(segs):
            k = text.find(p.name)
            while k >= 0:
                e = k + 2
                m = pats["ja_ext"].match(text, e) if e < len(text) and _is_han(text[e]) else None
                if m and (k == 0 or not _is_han(text[k - 1])):
                    full = p.name + m.group()
                    if not any(full.endswith(r) for r in JA_ROLES.split("|")) and full not in JA_STOP \
                            and not full.endswith(JA_LEFT_STOPS) and not _gaz_strong(rules, full):
                        ext.setdefault(full, (seg, k, m.end()))
                k = text.find(p.name, e)
        if len(ext) == 1:
            full, (seg, s, e) = next(iter(ext.items()))
            add(full, seg, s, e, p.role)


def _role_ends_at(text: str, pos: int) -> bool:
    before = text[max(0, pos - 6):pos]
    return any(before.endswith(r) for r in ZH_ROLES_BEFORE.split("|"))


def _zh_name(cand: str, text: str, s: int, default3: bool = False) -> str | None:
    """The 2- or 3-character name at the start of ``cand``: the reading followed by a function character."""
    if not cand or cand[0] not in ZH_SURNAMES:
        return None
    for n in (3, 2):
        if s + n <= len(text):
            nxt = text[s + n] if s + n < len(text) else "。"
            if nxt in ZH_AFTER_NAME or not _is_han(nxt):
                return text[s:s + n] if all(_is_han(c) for c in text[s:s + n]) else None
    if default3 and s + 3 <= len(text) and all(_is_han(c) for c in text[s:s + 3]):
        return text[s:s + 3]
    return None


def _is_han(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or c == "々"


def _is_kata(c: str) -> bool:
    return 0x30A0 <= ord(c) <= 0x30FF


def _ru_nominative(name: str) -> str:
    out = []
    for w in name.split():
        lw = w
        for suf, rep in (("ым", ""), ("ом", ""), ("ия", "ий"), ("ию", "ий"), ("ием", "ий"), ("ии", "ий"),
                         ("ему", ""), ("ого", "ой")):
            if lw.endswith(suf) and len(lw) > len(suf) + 2:
                lw = lw[: -len(suf)] + rep
                break
        else:
            if lw.endswith(("а", "у", "е")) and len(lw) > 4 and lw[-2] not in "аеиоуыэюяь":
                lw = lw[:-1]
        out.append(lw)
    return " ".join(out)


# ---------------------------------------------------------------------------- organizations

def _resolve_org(m: Mention, text: str, places: list[Mention], main_country: str | None) -> dict | None:
    cands = list(m.key.orgs) or list(m.key.short_orgs)
    if not cands:
        return None
    if len(cands) == 1 and m.key.orgs:
        return cands[0]
    near = _qualifier_country(text, m.start, places, m.seg)
    for want in (near, main_country):
        if want:
            for e in cands:
                if e.get("country") == want:
                    return e
    return cands[0] if m.key.orgs and len({e.get("country") for e in cands}) == 1 else None


def _qualifier_country(text: str, start: int, places: list[Mention], seg: int) -> str | None:
    best, pos = None, -1
    for p in places:
        if p.seg == seg and p.end <= start and start - p.end <= 4 and p.start > pos and p.key.places:
            best, pos = p.key.places[0].get("country"), p.start
    return best


def organizations(doc: Doc, segs: list[str], orgs: list[Mention], places: list[Mention], ctx: set,
                  main_country: str | None) -> list[dict]:
    out: dict[tuple, dict] = {}
    order: list[tuple] = []
    demonyms = gazetteer.index(doc.rules)["demonyms"]
    for m in orgs:
        text = segs[m.seg]
        e = _resolve_org(m, text, places, main_country)
        if e is None:
            # a demonym before a shared name: "Japanese Defense Ministry"
            w = text[max(0, m.start - 20):m.start].split()
            cc = demonyms.get(" ".join(w[-2:])) or (demonyms.get(w[-1]) if w else None)
            if cc:
                e = next((x for x in list(m.key.orgs) + list(m.key.short_orgs) if x.get("country") == cc), None)
        if e is None:
            continue
        k = (e["name"], e.get("country"))
        if k not in out:
            out[k] = {"name": e["name"], "country": e.get("country"), "mentions": []}
            order.append(k)
        if m.text not in out[k]["mentions"]:
            out[k]["mentions"].append(m.text)
    dl = doc.fields.get("dateline") or {}
    ag = dl.get("agency") if isinstance(dl, dict) else None
    if isinstance(ag, str) and ag:
        for part in ag.replace("/", ",").split(","):
            part = part.strip()
            e = gazetteer.organization(doc.rules, part) or gazetteer.agency(doc.rules, part)
            if e:
                k = (e["name"], e.get("country"))
                if k not in out:
                    out[k] = {"name": e["name"], "country": e.get("country"), "mentions": []}
                    order.append(k)
                if part not in out[k]["mentions"]:
                    out[k]["mentions"].append(part)
    src = doc.source or {}
    if src.get("name"):
        k = (src["name"], src.get("country"))
        if k not in out:
            out[k] = {"name": src["name"], "country": src.get("country"), "mentions": []}
            order.append(k)
    return [out[k] for k in order]
