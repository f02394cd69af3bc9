import { ValidationError } from '../kernel/errors.js';
import { simplifiedToTraditional, traditionalToSimplified, type Language } from '../kernel/language.js';

/** Triage looks at this many code points at most; a petition longer than that is cut, never rejected. */
export const MAX_TRIAGE_CHARS = 4000;
/** Raw input is sliced to this many UTF-16 units before any regex runs, so a megabyte of junk costs nothing. */
const RAW_PRESLICE = MAX_TRIAGE_CHARS * 4;

export interface Normalized {
  /** The resident's own script (繁 or 简), NFKC-folded, cleaned and capped: what staff and redaction see. */
  original: string;
  /** 简体, half-width, lower-cased Latin: what rules and classifiers match against. */
  normalized: string;
  language: Language;
  /** true when the input was longer than MAX_TRIAGE_CHARS code points and was cut. */
  truncated: boolean;
  /** true when written Cantonese was recognised and `normalized` carries its Mandarin equivalents. */
  cantonese: boolean;
}

// Script conversion is shared with knowledge/ and answers, so it lives in kernel/language.
export { simplifiedToTraditional, traditionalToSimplified } from '../kernel/language.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control, format (zero-width, bidi marks, BOM, soft hyphen), private-use, unassigned, and U+FFFD
// from mis-decoded binary. Whitespace controls are turned into spaces first so words stay apart.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\uFFFD]/gu;
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/** Strips what can hide text from rules (zero-width joiners inside a word such as 自\u200b杀, control bytes) and folds widths. */
export function clean(text: string): { text: string; truncated: boolean } {
  let s = text.length > RAW_PRESLICE ? text.slice(0, RAW_PRESLICE) : text;
  s = s.replace(LONE_SURROGATE, '');
  s = s.normalize('NFKC');
  s = s.replace(WHITESPACE_CONTROLS, ' ').replace(INVISIBLE, '');
  s = s.replace(/\s+/g, ' ').trim();
  const codePoints = Array.from(s);
  const truncated = codePoints.length > MAX_TRIAGE_CHARS || text.length > RAW_PRESLICE;
  if (codePoints.length > MAX_TRIAGE_CHARS) s = codePoints.slice(0, MAX_TRIAGE_CHARS).join('');
  return { text: s, truncated };
}

const CJK = /\p{Script=Han}/gu;
const HAS_CJK = /\p{Script=Han}/u;
const LETTERS = { latin: /\p{Script=Latin}/gu, ascii: /[a-z]/g } as const;
const CANTONESE = /[嘅咗哋冇嘢啲佢喺唔係睇揾搵]/;

/**
 * Latin letters clearly dominate: a Han character carries about a word, so it weighs three Latin letters.
 * "我的iPhone被偷了" stays Chinese, "my iPhone was stolen 谢谢" is English. The one test for "this text is
 * English": detectLanguage counts every Latin letter of the resident's text; english.ts
 * (isMostlyEnglish) counts only a–z, the letters its English reading of lower-cased text is made of.
 */
export function mostlyLatin(text: string, letters: keyof typeof LETTERS = 'latin'): boolean {
  const latin = text.match(LETTERS[letters])?.length ?? 0;
  return latin > 0 && latin > (text.match(CJK)?.length ?? 0) * 3;
}

/** 'en' when Latin letters clearly dominate (mostlyLatin); otherwise which Chinese the resident writes. */
export function detectLanguage(cleaned: string, simplified: string): Language {
  if (mostlyLatin(cleaned)) return 'en';
  if (!HAS_CJK.test(cleaned)) return 'zh-Hans';
  if (simplified !== cleaned) return 'zh-Hant';
  // Written Cantonese (嘅 咗 哋 …) is a Hong Kong reader's text when no character says which script it is in; but a
  // Shenzhen resident who writes Cantonese in 简体 ("我哋幢楼部电梯坏咗") reads 简体, and had been answered in 繁體.
  if (CANTONESE.test(cleaned)) return simplifiedToTraditional(cleaned) !== cleaned ? 'zh-Hans' : 'zh-Hant';
  return 'zh-Hans';
}

// ------------------------------------------------------------------ written Cantonese

/*
 * Written Cantonese → Mandarin, so the rules, the classifier and the directory (all built on Mandarin) read
 * 佢喺度嘈 as 他在吵. Entries are written in 繁體 as residents write them; their keys go through the same
 * 繁→简 conversion as the text, so 嗰 (which OpenCC turns into 𠮶) and 係 (→ 系) match what the text has
 * become. An entry whose value equals its key protects a Mandarin word from a shorter Cantonese key inside
 * it (關係 keeps its 係, 仲裁 its 仲, 貓咪 its 咪): replacement is longest match first, left to right.
 */

/** Hong Kong words with no other Mandarin reading: converted in any text. */
const HK_WORDS = `
按金=押金 按金額=按金额 按金融=按金融 按金價=按金价 劏房=隔断房 屋企=家 老細=老板 差館=派出所 差佬=警察 街市=菜市场 街市中心=街市中心 水喉=水管 水喉水=自来水
出糧=发工资 隔籬=隔壁 隔籬屋=邻居 屋苑=小区 屋邨=小区 業主立案法團=业主委员会 冷氣機=空调 老細胞=老细胞
行人路=人行道 行人路過=行人路过 行人路口=行人路口 街燈=路灯 電單車=摩托车 升降機=电梯 𨋢=电梯 收樓=交房 閉路電視=监控
計程車=出租车 捷運=地铁 泥頭=建筑垃圾 泥頭車=泥头车 石屎=混凝土 腦退化=老年痴呆 醫生紙=医生证明 飯堂=食堂
發展商=开发商 公屋=公租房 幼稚園=幼儿园 老人院=养老院 安老院=养老院 護老院=养老院 綜援=低保 生果金=高龄津贴
遣散費=经济补偿 警署=派出所 交通燈=红绿灯 勞工處=劳动监察 食肆=餐馆
走鬼=流动摊贩 走鬼檔=流动摊贩 曱甴=蟑螂 肚痾=拉肚子`;

/** Cantonese words and grammar, converted only when the text is recognised as Cantonese. */
const CANTONESE_WORDS = `
我哋=我们 你哋=你们 佢哋=他们 佢=他 哋=们 嘅=的 咗=了 㗎=的 嘞=了 喇=了 啲=些
冇=没有 冇人=没人 冇人理=没人管 冇得=没法 有冇=有没有 冇牌=无证 冇證=无证 冇錢=没钱
喺=在 喺度=在 係度=在 係=是 唔係=不是 係咪=是不是 係唔係=是不是 咪就係=不就是 係咁=是这样 係咩=是吗
唔=不 唔該晒=谢谢 唔該=请 唔好意思=不好意思 唔好=不要 唔使=不用 唔知=不知道 唔得=不行 唔啱=不对 唔返=不回
嘢=东西 乜嘢=什么 乜=什么 咩=什么 咩事=什么事 做咩=干什么 做嘢=干活 食嘢=吃东西
睇=看 俾=给 畀=给 俾人=被人 畀人=被人 俾返=还给 畀返=还给 攞=拿 攞返=拿回 退返=退回
嚟=来 返嚟=回来 返去=回去 返屋企=回家 返學=上学 返工=上班 咁=这么 噉=这样 咁樣=这样 噉樣=这样
點解=为什么 點算=怎么办 點樣=怎样 點辦=怎么办 邊度=哪里 邊個=谁 邊間=哪间
嗰=那 嗰個=那个 嗰度=那里 嗰啲=那些 嗰陣=那时 呢個=这个 呢度=这里 呢啲=这些 呢間=这间 呢排=最近
呢幾日=这几天 呢條=这条 呢棟=这栋 呢種=这种 呢次=这次 呢位=这位 呢邊=这边 呢件=这件
而家=现在 依家=现在 宜家=现在 而家長=而家长 而家屬=而家属 而家庭=而家庭 而家人=而家人 依家庭=依家庭 依家屬=依家属 跌低=摔倒 跌親=摔伤 劈開=砍开 暈咗=晕倒了 昏咗=昏倒了
拖欠人工=拖欠工资 拖人工=拖欠工资 欠人工=欠工资 出人工=发工资 扣人工=扣工资 加人工=加工资 減人工=减工资
份人工=份工资 人工度=工资里 人工未出=工资没发 人工都未出=工资都没发 未出人工=没发工资 冇糧=没有工资 冇糧出=不发工资 同佢=跟他 同佢哋=跟他们 冇人工=没有工资 拖糧=拖欠工资 欠糧=欠工资 糧期=发薪日
仲有=还有 仲未=还没 仲要=还要 仲話=还说 仲唔=还不 仲冇=还没有 仲係=还是
嘈=吵 話=说 冇人整=没人修 整親=弄伤 整傷=弄伤 唔肯整=不肯修 嚟整=来修 整返=修好 日日=每天 朝朝=每天早上 夜夜=每晚
成日=经常 地盤=工地 地盤工=建筑工人 僭建=违章搭建 僭建物=违章建筑 鄰舍=邻居 隔籬鄰舍=邻居 收工=下班 晏晝=中午 嘈喧巴閉=吵闹
擺檔=摆摊 檔口=摊位 點知=谁知 執笠=倒闭 舖頭=店铺 污糟=脏 幾耐=多久 得返=得回 都未=都还没 瞓=睡 搵=找 揾=找 諗=想 攰=累 嬲=生气
呃錢=骗钱 呃人=骗人 呃咗=骗了 俾人呃=被人骗 畀人呃=被人骗 啱啱=刚刚 啱=对 搞掂=搞定 揸車=开车
琴日=昨天 尋日=昨天 今日=今天 聽日=明天 好似=好像
成晚=整晚 成個=整个 成屋=整屋 成條=整条 幾多=多少 幾時=什么时候 使唔使=需不需要 唔識=不会 淨係=只是
點告=怎么告 點搞=怎么搞 點做=怎么做 點處理=怎么处理 點投訴=怎么投诉 點申請=怎么申请 點登記=怎么登记 點去=怎么去
落雨=下雨 落大雨=下大雨 落街=下楼 放工=下班 打交=打架 嗌交=吵架 嘈交=吵架 走佬=跑路 判頭=包工头 大判=总包
炒魷魚=辞退 炒咗我=辞退了我 炒我=辞退我 俾公司炒=被公司辞退 畀公司炒=被公司辞退 被炒=被辞退 冇人覆=没人回复 未覆=没回复
糧=工资 糧單=工资单 OT錢=加班费 數簿=账目 影相=拍照 細佬=弟弟 家姐=姐姐 外父=岳父 外母=岳母 阿爸=爸爸 個仔=儿子 個女=女儿
打機=打游戏 麻雀館=麻将馆 打麻雀=打麻将 賭檔=赌场 呢頭=这边 窿=坑 BB=宝宝 餸=菜 渠塞=下水道堵塞 傾偈=聊天 露台=阳台 車房=车库
管理處=物业管理处 管理公司=物业公司 管理費=物业费 棚架=脚手架 排位=轮候 派位=学位分配 報讀=报名 想問下=请问 想問問=请问
仲=还 仲夏=仲夏 仲秋=仲秋 仲春=仲春 仲冬=仲冬 人工=工资 人工湖=人工湖 人工島=人工岛 人工呼吸=人工呼吸 人工受孕=人工受孕
人工授精=人工授精 人工降雨=人工降雨 人工草坪=人工草坪 人工費=人工费 人工成本=人工成本 咁都得=这样也行 咁都可以=这样也可以
成間=整间 成棟=整栋 成層=整层 成家人=全家人 大肚=怀孕 大咗肚=怀孕了 間尺=尺子 手板=手心 瞓唔到=睡不着 頂唔順=受不了 頂唔住=受不了
跌嘢=掉东西 整好=修好 整番=修好 整爛=弄坏 整壞=弄坏 霸住=占着 霸位=占位 跳錶=打表 塞車=堵车
掘路=挖路 掘咗=挖了 掘開=挖开 膝頭=膝盖 膝頭哥=膝盖 肚屙=拉肚子 牌照=执照 冇牌照=无证 健身室=健身房 生果=水果 生果檔=水果摊
換片=换尿片 供社保=交社保 供樓=还房贷 合約=合同 租約=租赁合同 湊=带 湊仔=带孩子 湊女=带女儿 湊細路=带小孩 湊錢=凑钱 湊合=凑合 湊巧=凑巧 湊熱鬧=凑热闹 湊齊=凑齐 湊數=凑数 拼湊=拼凑 緊湊=紧凑
家婆=婆婆 家公=公公 無啦啦=无缘无故 追返=追回 細聲=小声 日頭=白天 晚晚=每晚 入去=进去 入嚟=进来 差啲=差点
執垃圾=收垃圾 冇人執=没人清理 冇人執法=没人执法 差人=警察 小巴=公交车 爆喉=水管爆裂 返OT=加班 開OT=加班
熱水爐=热水器 扣起=扣押 換工=换工作 冇覺瞓=没法睡觉 冇覺好瞓=没法睡觉 掟=扔 亂咁=乱 兜路=绕路 兜圈=绕圈 行唔到=走不了 行唔郁=走不动
天花=天花板 天花板=天花板 坑渠=下水道 肚痛=肚子疼 捲埋=卷走 燒膠=烧塑料 膠袋=塑料袋 傷風=感冒 整唔見=弄丢 食唔飽=吃不饱
個孫=孙子 個孫仔=孙子 個孫女=孙女 紙皮石=瓷砖 甩咗=脱落了 甩落=脱落
泊=停 泊位=泊位 停泊=停泊 湖泊=湖泊 漂泊=漂泊 淡泊=淡泊 梁山泊=梁山泊
晒= 晒太陽=晒太阳 晒衫=晒衣服 晒被=晒被子 窟窿=窟窿
細路=小孩 細路仔=小孩 仔女=子女 阿媽=妈妈 老豆=爸爸 入面=里面
水浸=积水 爆水喉=水管爆裂 咪搞=别搞 咪嘈=别吵 咪再=别再 咪理=别管 咪亂=别乱
食飯=吃饭 食藥=吃药 食咗=吃了 食完=吃完 食壞=吃坏 食到=吃到 幫手=帮忙 搬屋=搬家 租屋=租房
冷氣=空调 的士=出租车 巴士=公交车 巴士站=公交站 泊車=停车 單車=自行车
關係=关系 聯係=联系 聯繫=联系 維繫=维系 體系=体系 系統=系统 系列=系列 派系=派系 直系=直系 旁系=旁系
星系=星系 水系=水系 語系=语系 院系=院系 科系=科系 系主任=系主任 干係=干系 係數=系数
電話=电话 說話=说话 講話=讲话 話費=话费 普通話=普通话 對話=对话 談話=谈话 通話=通话 笑話=笑话 廢話=废话
話題=话题 閒話=闲话 壞話=坏话 實話=实话 真話=真话 假話=假话 白話=白话 童話=童话 神話=神话 繫鞋帶=系鞋带 繫安全帶=系安全带 嘈雜=嘈杂 仲裁=仲裁 仲介=仲介 伯仲=伯仲 人工智能=人工智能 貓咪=猫咪
咪咪=咪咪 咪表=咪表 宜家家居=宜家家居 食物=食物 食品=食品 食堂=食堂 糧食=粮食 糧油=粮油
點解決=点解决 點解釋=点解释 點解答=点解答 點解除=点解除 點解開=点解开 點解散=点解散 點解僱=点解雇 點解雇=点解雇
點樣本=点样本 點辦理=点办理 點辦公=点办公 點辦事=点办事 邊度假=边度假 電話俾=电话给 電話畀=电话给`;

/*
 * More Cantonese words and grammar: movement (返 = 回, 落嚟 = 下来, 行路 = 走路), the progressive 緊 and
 * "only then" 先, 整 as repair, injuries (X親), family, legal (入稟, 覆議), paying social insurance (供),
 * 同 = 和, 郁 = 动, 喊 = 哭. The first lines protect Mandarin words that end where a Cantonese key begins
 * (旁邊 before 邊個, 執行 before 行唔到); later ones keep the Mandarin words that share a new key (返回 and 返,
 * 有供應 and 有供, 大喊 and 喊, 同意 / 合同 / 一同 and 同, 抑鬱 and 郁).
 */
const CANTONESE_MORE = `
旁邊=旁边 身邊=身边 左邊=左边 右邊=右边 這邊=这边 那邊=那边 嗰邊=那边 外邊=外边 裏邊=里边 裡邊=里边 海邊=海边 河邊=河边
路邊=路边 街邊=街边 周邊=周边 兩邊=两边 東邊=东边 西邊=西边 南邊=南边 北邊=北边 上邊=上边 下邊=下边 前邊=前边 後邊=后边
床邊=床边 窗邊=窗边 門邊=门边 執行=执行 進行=进行 履行=履行 推行=推行 實行=实行 通行=通行 運行=运行 銀行=银行 旅行=旅行
步行=步行 自行=自行 舉行=举行 發行=发行 流行=流行 強行=强行 遊行=游行 施行=施行 試行=试行 人行=人行 同行=同行 可行=可行
返=回 返回=返回 往返=往返 返還=返还 返鄉=返乡 返利=返利 返現=返现 返程=返程 返校=返校 返聘=返聘 遣返=遣返 返修=返修 返款=返款
返點=返点 返費=返费 返航=返航 返貧=返贫 折返=折返 返夜班=上夜班 返早班=上早班 返晚班=上晚班 返班=上班 返緊工=在上班
落嚟=下来 落去=下去 跌落=掉下 跌落嚟=掉下来 跌落去=掉下去 落唔到=下不了 落唔到街=下不了楼 漏水落=漏水到 滲水落=渗水到 滴水落=滴水到
行路=走路 行樓梯=走楼梯 行出=走出 行入=走进 行返=走回 行去=走去 行嚟=走来 行開=走开 行街=逛街
起屋=建房 起樓=建楼 起緊=在建 起咗間=建了间 起咗個=建了个 起多=加建 做緊=在做 等緊=在等 打緊=在打 搞緊=在搞 整緊=在修
住緊=在住 租緊=在租 讀緊=在读 開緊=在开 排緊=在排 申請緊=在申请 裝修緊=在装修 未嚟=还没来
幾耐先=多久才 先至=才 先知=才知道 先發現=才发现 先肯=才肯 先有=才有 先可以=才可以
整車=修车 整外牆=修外墙 整水喉=修水管 整𨋢=修电梯 整冷氣=修空调 整路=修路 冇錢整=没钱修 唔整=不修 唔整齊=不整齐 唔整理=不整理
唔整改=不整改 整斷=弄断 砸親=砸到 撞親=撞伤 燙親=烫伤 夾親=夹伤 咬親=咬伤 刮親=划伤 嚇親=吓到 電親=触电 凍親=着凉
出世=出生 過身=去世 過咗身=去世了 留低=留下 入稟=起诉 覆議=复议 覆核=复核 阻街=占道 條數=账目 爆格=盗窃 入屋爆格=入户盗窃 火燭=着火
冇佢事=不关他的事 冇我事=不关我的事 沖涼=洗澡 鬧我=骂我 鬧佢=骂他 鬧人=骂人 俾人鬧=被人骂 畀人鬧=被人骂
喊=哭 大喊=大喊 喊話=喊话 呼喊=呼喊 喊救命=喊救命 叫喊=叫喊 喊叫=喊叫 喊冤=喊冤 喊口號=喊口号 喊停=喊停 吶喊=呐喊
匿埋=躲起来 匿喺=躲在 天光=天亮 飲醉=喝醉 飲酒=喝酒 黑口黑面=摆脸色 屙屎=拉屎 屙尿=撒尿
阿爺=爷爷 阿嫲=奶奶 嫲嫲=奶奶 阿婆=老奶奶 阿伯=老伯 過度活躍症=多动症
供咗=交了 有供=有交 冇供=没有交 供夠=交够 幫我供=帮我交 唔供=不交 有供應=有供应 冇供應=没有供应 冇供電=没有供电 冇供水=没有供水
冇供暖=没有供暖 有供電=有供电 有供水=有供水 強積金=养老保险 衫=衣服 襯衫=衬衫 恤衫=衬衫 汗衫=汗衫 衫褲=衣裤
聽電話=接电话 唔聽電話=不接电话 電話又唔聽=电话又不接 電話都唔聽=电话都不接 冇人聽電話=没人接电话 膠味=塑料味 膠樽=塑料瓶 膠櫈=塑料凳
之後先=之后才 落河=到河里 落海=到海里 街度=街上 窿度=坑里 郁=动 郁唔到=动不了 抑鬱=抑郁 憂鬱=忧郁 鬱悶=郁闷 濃郁=浓郁 鬱金香=郁金香
蔥鬱=葱郁 陰鬱=阴郁 沉鬱=沉郁 鬱鬱=郁郁 同=和 同埋=和 同意=同意 同事=同事 同學=同学 同時=同时 相同=相同 共同=共同 合同=合同
不同=不同 同樣=同样 同一=同一 如同=如同 同志=同志 同伴=同伴 同住=同住 同胞=同胞 陪同=陪同 同步=同步 同類=同类 同期=同期
協同=协同 認同=认同 贊同=赞同 雷同=雷同 同城=同城 同鄉=同乡 同居=同居 同等=同等 同齡=同龄 連同=连同 同年=同年 同級=同级
同房=同房 同屋=同屋 胡同=胡同 同比=同比 同情=同情 同盟=同盟 大同=大同 同心=同心 同謀=同谋 同名=同名 同性=同性 同床=同床
同桌=同桌 同僚=同僚 等同=等同 視同=视同 偕同=偕同 同歸於盡=同归于尽 同款=同款 同層=同层 同座=同座 同棟=同栋 同區=同区 同班=同班 一同=一同
同工同酬=同工同酬 同屬=同属 同為=同为 同化=同化 同輩=同辈 同窗=同窗 同仁=同仁 同質=同质 同路=同路 同舟=同舟 同聲=同声 同業=同业 同台=同台 同框=同框 一齊=一起
嗌救命=喊救命 嗌人=叫人 先得=才行 幾耐先得=多久才行 先得到=先得到 返到嚟=回来 返到屋企=回到家 入醫院=进医院 唔同=不同
蝦人=欺负人 俾人蝦=被人欺负 畀人蝦=被人欺负 蝦我=欺负我 蝦佢=欺负他 俾同學蝦=被同学欺负 畀同學蝦=被同学欺负`;

/*
 * Everyday words and set phrases: 隔離 typed for 隔籬 (next door; 被隔離 / 居家隔離 stay quarantine),
 * 飲 = 喝 (飲料 / 飲食 / 餐飲 keep 饮), 好耐 = 很久 (好耐用 / 好耐心 keep 耐), A唔A questions (得唔得), split
 * verbs (執咗笠), 係點 = 是怎样, 唔俾人 = 不让人 (俾人 alone is 被人), 煲 = boil.
 */
const CANTONESE_EVERYDAY = `
隔離屋=邻居 隔離鄰舍=邻居 隔離嘅=隔壁的 隔離地盤=隔壁工地 隔離棟=隔壁栋 隔離座=隔壁座 隔離街=隔壁街 隔離位=隔壁座位
被隔離=被隔离 居家隔離=居家隔离 集中隔離=集中隔离 粗口=脏话 好惡=很凶
飲=喝 飲用=饮用 飲用水=饮用水 飲料=饮料 飲食=饮食 餐飲=餐饮 飲品=饮品 冷飲=冷饮 熱飲=热饮 飲水機=饮水机
好耐=很久 好耐用=很耐用 好耐心=很耐心 好耐看=很耐看 好耐穿=很耐穿 好耐磨=很耐磨 好耐煩=很耐烦
得唔得=行不行 執咗笠=倒闭了 係點=是怎样 係點樣=是怎样 係點解=是为什么 點返工=怎么上班 點返學=怎么上学
由朝到晚=从早到晚 朝早=早上 整污糟=弄脏 整到=弄得 講嘢=说话 聚埋=聚在 成班=一群 交吉=退房 打親=打到 屋企啲=家里的 邊個部門=哪个部门
燒嘢食=烧烤 煮嘢食=做饭 好易=很容易 行唔過=走不过 黑媽媽=黑漆漆 睇住=看着 唔俾人=不让人 唔畀人=不让人 煲嚟=烧开来 煲水=烧水 煲滾=烧开`;

/** Characters that only written Cantonese uses (in their 简体 form after OpenCC: 嗰 → 𠮶). */
const CANTONESE_CHARS = /[嘅咗哋冇嘢佢喺睇揾嚟𠮶乜畀攞噉㗎啱咩嬲攰瞓谂啲咁嗌掟揿冚嘥㖞嚿䢂]|唔\p{Script=Han}|嘈(?!杂)/u;
// Each phrase minus the Mandarin words it begins (快点解决, 依家庭收入, 而家长, 周边度假).
// 點 asking "how" (點樣, 點申請, 點投訴), but not 一点/快点/早点/有点 before a Mandarin verb or 样本/样子.
const CANTONESE_PHRASES = /而家(?![长属庭人])|依家(?![庭属])|点解(?![决释答除开散雇])|点算|边度(?!假)|几耐(?![用心看烦穿磨脏])|呢个|呢度|呢啲|屋企|唔该|隔篱|(?<![一快早晚有差多慢重])点(?:样(?![本子品])|申请|投诉)/;
/** 蚊 after an amount is 元 (三千蚊); elsewhere it may be a mosquito. */
const AMOUNT_MAN = /([0-9０-９一二两三四五六七八九十百千万几]+)蚊(?!子|虫|帐|香)/g;
const TENANCY = /租|押金/;
const LANDLORD_YEZHU = /业主(?!大会|委员会|委|们大会|群|代表)/g;
/** 係 as the copula ("is"); 關係 / 聯係 / 係數 are Mandarin in 繁體. */
const COPULA_HAI = /(?<![關联聯关干維])係(?!數)/;

interface Dictionary {
  map: Map<string, string>;
  maxLen: number;
  /** Quick test: does the text contain any key at all? */
  any: RegExp;
}

function buildDictionary(...sources: string[]): Dictionary {
  const map = new Map<string, string>();
  for (const src of sources) {
    for (const entry of src.trim().split(/\s+/)) {
      const [from, to, extra] = entry.split('=');
      if (!from || to === undefined || extra !== undefined) throw new Error(`bad Cantonese dictionary entry "${entry}"`);
      map.set(traditionalToSimplified(from), to);
    }
  }
  const keys = [...map.keys()];
  const escaped = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { map, maxLen: Math.max(...keys.map((k) => k.length)), any: new RegExp(escaped.join('|'), 'u') };
}

let hkDict: Dictionary | undefined;
let cantoneseDict: Dictionary | undefined;

/** Longest match first, left to right; lengths in UTF-16 units, which is how the keys were measured. */
function replaceLongestFirst(text: string, dict: Dictionary): string {
  if (!dict.any.test(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    let matched = false;
    for (let len = Math.min(dict.maxLen, text.length - i); len >= 1; len--) {
      const to = dict.map.get(text.slice(i, i + len));
      if (to !== undefined) {
        out += to;
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) out += text[i++];
  }
  return out;
}

/*
 * Hong Kong phone typing writes particles by sound: D for 啲 (管理處D保安, 快D), 左 for 咗 after a verb (炒左我,
 * 壞左), 既 for 嘅 after a pronoun (我既人工). Turned back into the Cantonese characters so the dictionary reads
 * them; only in text already recognised as Cantonese, also opening a clause (d味好臭). Not 3D, D座 / D栋 (a block), 维生素D; not 左边 / 向左
 * (the verb list never holds 向 往 靠), not 我既不… / 他既然.
 */
const PHONE_D = /(?<=\p{Script=Han}|^|[\s,，。!！?？;；:：])(?<!素)[Dd](?=\p{Script=Han})(?![栋座区幢号楼级型轮盘版调])/gu;
const PHONE_ZO = /(?<=[炒做等搬坏交扣给畀俾食整收去来嚟返买卖用写打讲说走死病跌退租签报请见到完住饮瞓落入出嫁生换改加减拖欠借偷呃骗讲关开停])左(?![右边手脚转侧拐面岸翼派倾眼耳腿臂肩脑方前后上下灯軚舵])/gu;
const PHONE_GE = /(?<=[我你他她佢们哋])既(?![然是往定得要而有成可能不没无非已唔冇])/gu;

/** 返 before a length of time is working it (日日返十二個鐘, 一個禮拜返六日), not going back (返 = 回). */
const WORK_SHIFT = /返(?=[0-9一二三四五六七八九十两半几廿]+(?:个)?(?:钟|小时|日|天|晚|夜|礼拜|星期)(?!前|后))/g;
/** 先 after a length of time is "only then" (等三個月先開庭, 遲十幾日先出糧): Mandarin 才. Not 今天先 / 明天先. */
const ONLY_THEN = /(?<=[0-9一二三四五六七八九十两半几廿]个?(?:钟|日|天|月|年|礼拜|星期|分钟|小时|周))先(?![生前进])/g;
/** …and after a coming point in time in Cantonese words (下個月先出糧, 聽日先嚟 = 下个月才发工资). */
const ONLY_THEN_AT = /(?<=下个?(?:月|礼拜|星期|周)|月底|年底|听日|后日)先(?![生前进])/g;
/** A count of 鐘 is hours (做12個鐘, 等咗五個鐘 = 五个小时); 鐘頭 and 鐘錶 stay. */
const HOURS = /(?<=[0-9一二三四五六七八九十两半几廿])个钟(?![头表])/g;
/** A count of 日 is days (幾日就壞, 冇水三日 = 几天, 三天); a date (五月三日), 星期六日 and 日期 / 日本 stay. */
const DAYS = /(?<=[0-9一二三四五六七八九十两半几廿])(?<!月[0-9一二三四五六七八九十廿]+|[期拜周][一二三四五六])日(?![期子常本记报元程])/g;

/**
 * 啲 opening a clause is the plural "the" (啲細路瞓唔到 = 孩子睡不着): Mandarin drops it; after a pronoun it
 * is the possessive (我哋啲窗 = 我们的窗). Elsewhere it stays 些 (快啲, 買啲嘢).
 */
const DI_OPENING = /(?<=^|[\s\p{P}\p{S}])啲/gu;
const DI_POSSESSIVE = /(?<=[我你他她佢们哋])啲/g;
/** After a place or a body it is "the … of" (附近啲工廠 = 附近的工厂, 公園啲樹, 樓下啲人), not 些. */
const DI_OF_PLACE = /(?<=[上面近边口路街村园站区厂司场校院房屋里头市]|楼下|地下)啲/g;

/*
 * Grammar: 好似X咁 is "like X" (好似燒膠咁嘅味 = 像烧塑料一样的味); X極都X唔 "however much one X-es"
 * (約極都約唔到 = 怎么约都约不到); 喺X度 "at X" (喺農地度起屋 = 在农地建房): 度 goes except after the
 * demonstratives the dictionary reads (喺呢度) and in 度-words (喺溫度…, 度過, 度假); 咁 opening a clause
 * before a person is "so, then" (咁我點算 = 那我怎么办); 呃 before a word is 骗 (a lone 呃 hesitates).
 */
const LIKE_X = /(好似[^\s\p{P}]{1,12}?)咁(?=嘅|[\s\p{P}]|$)/gu;
const HOWEVER_MUCH = /(\p{Script=Han})极都\1/gu;
const AT_PLACE = /喺([^\s\p{P}\p{S}喺度]{1,4}?)度(?![过假数量日])/gu;
const AT_PLACE_KEEP = /^(?:呢|𠮶|嗰|边|那|这|哪)$|[温角速程态长高力年制进额尺限幅密湿浓难热风深宽硬亮纬经季适过再首一调气用国]$/u;
const SO_THEN = /(?<=^|[\s,，。!！?？;；])咁(?=[我你佢他她])/gu;
const CHEAT = /呃(?=\p{Script=Han})/gu;
/** A bare classifier opening a clause or after 喺 is "the" (個護士好惡, 喺條路度): Mandarin says 那个 / 那条. */
const BARE_CLASSIFIER = /(?<=^|[\s\p{P}喺])(?=[个间条部架](?![个间条部架人别体性子案仔女孙接中歇隔断件例款约文码理门分长队位署构设空]))/gu;

function cantoneseForms(text: string): string {
  return text
    .replace(LIKE_X, '$1一样')
    .replace(HOWEVER_MUCH, '怎么$1都$1')
    .replace(AT_PLACE, (m: string, place: string) => (AT_PLACE_KEEP.test(place) ? m : `喺${place}`))
    .replace(SO_THEN, '那')
    .replace(CHEAT, '骗')
    .replace(BARE_CLASSIFIER, '那')
    .replace(PHONE_D, '啲')
    .replace(DI_OPENING, '')
    .replace(DI_POSSESSIVE, '嘅')
    .replace(DI_OF_PLACE, '嘅')
    .replace(PHONE_ZO, '咗')
    .replace(PHONE_GE, '嘅')
    .replace(WORK_SHIFT, '上班')
    .replace(ONLY_THEN, '才')
    .replace(ONLY_THEN_AT, '才')
    .replace(HOURS, '个小时')
    .replace(DAYS, '天');
}

/** English words Hong Kong residents mix into Cantonese (HR話…, 返OT, book咗), as whole words only. */
const LOAN_WORDS: Record<string, string> = {
  hr: '人事', ot: '加班', book: '预订', booked: '预订', send: '发', check: '查', cancel: '取消', boss: '老板',
  lift: '电梯', deposit: '押金', mpf: '养老保险', salary: '工资', landlord: '房东', agent: '中介',
};
const LOAN_WORD = new RegExp(`(?<![a-z])(${Object.keys(LOAN_WORDS).join('|')})(?![a-z])`, 'gi');

function loanWords(text: string): string {
  return text.replace(LOAN_WORD, (w) => LOAN_WORDS[w.toLowerCase()] ?? w);
}

/** Whether `original` (the resident's script) with its 简体 form `simplified` is written Cantonese. */
export function isCantonese(original: string, simplified: string): boolean {
  return CANTONESE_CHARS.test(simplified) || CANTONESE_PHRASES.test(simplified) || COPULA_HAI.test(original);
}

/**
 * Mandarin reading of a 简体 text: Hong Kong words always, Cantonese words and grammar when the text is
 * Cantonese. Ordinary Mandarin (简体 or 繁體) comes back unchanged.
 */
export function cantoneseToMandarin(original: string, simplified: string): { text: string; cantonese: boolean } {
  hkDict ??= buildDictionary(HK_WORDS);
  const cantonese = isCantonese(original, simplified);
  if (!cantonese) return { text: replaceLongestFirst(simplified, hkDict), cantonese };
  cantoneseDict ??= buildDictionary(HK_WORDS, CANTONESE_WORDS, CANTONESE_MORE, CANTONESE_EVERYDAY);
  // 唔該 closing a message thanks; anywhere else it asks ("唔該幫我睇下" = 请帮我看看).
  const closing = cantoneseForms(simplified.replace(/唔该(?=[\s\p{P}\p{S}]*$)/u, '谢谢'));
  let text = loanWords(replaceLongestFirst(closing, cantoneseDict).replace(AMOUNT_MAN, '$1元'));
  // A Hong Kong tenant's 業主 is the landlord, not a flat owner in an owners' committee (housing).
  if (TENANCY.test(text)) text = text.replace(LANDLORD_YEZHU, '房东');
  return { text, cantonese };
}

/**
 * One place that turns a resident's raw message into the forms triage needs. Never throws on odd
 * content (empty, emoji, binary); a non-string is a programming error and gets a clear ValidationError.
 */
export function normalize(text: string): Normalized {
  if (typeof text !== 'string') {
    throw new ValidationError(`normalize() expects a string, got ${text === null ? 'null' : typeof text}`);
  }
  const { text: original, truncated } = clean(text);
  const simplified = traditionalToSimplified(original);
  const language = detectLanguage(original, simplified);
  const { text: mandarin, cantonese } = cantoneseToMandarin(original, simplified);
  return { original, normalized: mandarin.toLowerCase(), language, truncated, cantonese };
}
