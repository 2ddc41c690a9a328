"""Titles: the headline line of article texts and whole pages; null when the text opens with a dateline."""
from __future__ import annotations

NAV = ["首页", "* 新闻", "* 财经", "* 科技", "* 体育", "* 娱乐", "登录 注册", "新闻 > 国内 > 正文"]
BODY_ZH = ["记者从市交通局获悉，城市地铁五号线将于本月底开通试运营，全线共设十八座车站，连接城东新区与老城区，预计日均客流超过二十万人次。",
           "交通局负责人表示，开通初期列车最小行车间隔为四分钟，早晚高峰将视客流情况加开列车，方便市民出行。",
           "据介绍，五号线还将与三条既有线路实现换乘，市民可在站内完成换乘，无需出站。"]


def test_whole_page_headline_among_menu_lines(norm):
    lines = NAV + ["地铁五号线月底开通试运营", "2021年06月20日 09:30 来源：示例日报", "微博 微信 分享"] + BODY_ZH + [
        "相关新闻", "* 公交线路调整方案公布", "* 城东新区新建两所学校", "Copyright © 2021 示例日报 版权所有"]
    rec = norm.normalize("\n".join(lines) + "\n")
    assert rec["title"] == "地铁五号线月底开通试运营"


def test_whole_page_headline_printed_twice(norm):
    lines = NAV + ["地铁五号线月底开通试运营", "地铁五号线月底开通试运营", "2021-06-20 09:30:00"] + BODY_ZH + [
        "* 关于我们", "* 联系我们", "* 网站地图"]
    rec = norm.normalize("\n".join(lines) + "\n")
    assert rec["title"] == "地铁五号线月底开通试运营"
    titles = [ln for ln in rec["lines"] if ln[2] == "title"]
    assert len(titles) == 2


def test_whole_page_plain_headline_preferred_over_list_copy(norm):
    lines = ["* Home", "* News", "* World", "* Sport", "* Weather", "* Video",
             "* Ferry service resumes after storm", "Ferry service resumes after storm",
             "Updated: Jan 5, 2022, 10:05 IST",
             "The ferry service between the mainland and the islands resumed on Wednesday after three days of storms kept boats in port, the operator said.",
             "Passengers who had booked for the cancelled days can travel on any boat this week without paying extra, a spokesman said.",
             "The weather office expects calmer seas for the rest of the week, though strong winds may return on Sunday."]
    rec = norm.normalize("\n".join(lines) + "\n")
    assert rec["title"] == "Ferry service resumes after storm"


def test_text_starting_with_dateline_has_no_title(norm):
    text = ("SEOUL, April 28 (Yonhap) -- South Korea is considering signing an agreement on defence cooperation, "
            "the ministry said Monday.\nThe agreement is likely to be signed later this year, a spokesman said.\n")
    rec = norm.normalize(text)
    assert rec["title"] is None


def test_article_text_first_line_is_the_title(norm):
    text = ("Seoul seeks defence pact with Tokyo\n\n"
            "South Korea is considering signing an agreement on defence cooperation with Japan, the ministry said Monday.\n\n"
            "The agreement is likely to be signed later this year, a spokesman said.\n")
    rec = norm.normalize(text)
    assert rec["title"] == "Seoul seeks defence pact with Tokyo"


def test_url_and_timestamp_lines_above_the_headline(norm):
    text = ("http://news.example.jp/article/detail/12345/\n"
            "2012-02-23T16:00:00+0900\n"
            "新しい橋が来月開通へ\n"
            "市は二十三日、川の両岸を結ぶ新しい橋が来月開通すると発表した。通勤時間の短縮が期待されている。\n"
            "橋の開通に合わせて、周辺道路の信号も見直される予定だという。\n")
    rec = norm.normalize(text)
    assert rec["title"] == "新しい橋が来月開通へ"
    assert any(b["text"].startswith("http://") and b["kind"] == "navigation" for b in rec["boilerplate"])
