"""HTML pages for the HTML reader's tests, written here as Python strings.

* :func:`zhanyi_page`: seed 003 (曲靖市沾益区医疗保障局, 2023 决算) as a county government site
  publishes it: GBK bytes declared ``gb2312`` in a ``<meta http-equiv>``, a nav bar, a breadcrumb, a
  sidebar of links and a footer around the disclosure, which sits in a cell of a layout table.
  Its 收入支出决算表 and 支出决算表 have headers written by hand with rowspan and colspan as the
  printed tables merge them (收入/支出 over three columns, 项目 over the 类/款/项 columns, amount
  headers down two rows, the code over the three code columns in the body); the other tables
  and the text are converted line by line from the seed's text (tabs to cells, lines to ``<p>``),
  empty cells printed as ``&nbsp;`` as sites do.
* :data:`XHTML_BUDGET`: a budget page in XHTML 1.0 (XML declaration, doctype, xmlns), UTF-8,
  ``<th>`` headers in ``<thead>``, a ``<br />`` inside header cells, table titles as headings.
* :data:`UTF8_AMOUNTS`: a final-accounts page with ``<meta charset="utf-8">`` whose cells print
  amounts with thousands separators, 0.00, ``—`` and nothing (blank, or ``&nbsp;``).
* Hostile pages (entity declarations, an external entity, deep nesting) and a page that is HTML
  but no disclosure.
"""

from __future__ import annotations

from html import escape

from .seeds import FACTS, FIXTURES

SEED_003 = FIXTURES / FACTS["003"].file

_SITE_HEAD = """\
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>曲靖市沾益区医疗保障局2023年度部门决算公开_沾益区人民政府</title>
<link rel="stylesheet" href="/css/style.css">
<style type="text/css">td { font-size: 12px; } .lm { color: #c00; }</style>
<script type="text/javascript">
  var hits = "1,234.00"; document.write("<table><tr><td>合计</td><td>9.99</td></tr></table>");
</script>
</head>
<body>
<!-- 头部 -->
<div class="top"><img src="/images/logo.png" alt="曲靖市沾益区人民政府"></div>
<nav class="menu"><ul>
  <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li>
</ul></nav>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a>
  &gt; <a href="/zwgk/czyjs/">财政预决算</a></div>
<table width="1000" border="0" cellspacing="0" cellpadding="0" class="main">
<tr>
<td width="220" valign="top" class="side">
  <div class="lm">财政预决算</div>
  <ul class="sublist">
    <li><a href="/zwgk/czyjs/bmys/">部门预算</a></li>
    <li><a href="/zwgk/czyjs/bmjs/">部门决算</a></li>
    <li><a href="/zwgk/czyjs/sgjf/">“三公”经费</a></li>
  </ul>
  <form action="/search"><input type="text" name="q" value="请输入关键字"><button>搜索</button>
  <select name="year"><option>全部年度</option><option>二〇二三年</option></select></form>
</td>
<td valign="top" class="content">
<div class="info">发布日期：2024-09-20　来源：曲靖市沾益区医疗保障局　<a
  href="javascript:window.print()">打印本页</a></div>
<div id="zoom">
"""

_SITE_FOOT = """\
</div>
</td>
</tr>
</table>
<div class="footer" role="contentinfo">
  <p>主办：曲靖市沾益区人民政府办公室　承办：曲靖市沾益区政务服务管理局</p>
  <p>版权所有：曲靖市沾益区人民政府　网站标识码：5303280001　滇ICP备05002022号</p>
  <div role="navigation"><a href="/sitemap/">网站地图</a> | <a href="/contact/">联系我们</a></div>
</div>
<noscript>您的浏览器不支持脚本</noscript>
<iframe src="/stats.html" width="0" height="0">统计代码</iframe>
</body>
</html>
"""

# The header rows of seed 003's 公开01 and 公开03 tables as the printed tables merge them; each
# replaces that many of the text's header lines.
_HEADERS = {
    "收入支出决算表": (
        3,
        """\
<tr><td colspan="3" align="center">收入</td><td colspan="3" align="center">支出</td></tr>
<tr><td>项目</td><td>行次</td><td>金额</td><td>项目(按功能分类)</td><td>行次</td><td>金额</td></tr>
<tr><td colspan="2">栏次</td><td>1</td><td colspan="2">栏次</td><td>2</td></tr>
""",
    ),
    "支出决算表": (
        3,
        """\
<thead>
<tr><th colspan="4">项目</th><th rowspan="2">本年支出合计</th><th rowspan="2">基本支出</th><th rowspan="2">项目支出</th>
<th rowspan="2">上缴上级支出</th><th rowspan="2">经营支出</th><th rowspan="2">对附属单位补助支出</th></tr>
<tr><th colspan="3">支出功能分类科目编码</th><th>科目名称</th></tr>
<tr><th>类</th><th>款</th><th>项</th><th>栏次</th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th><th>6</th></tr>
</thead>
""",
    ),
}


_META_PREFIXES = ("公开", "部门：", "金额单位：", "单位：")


def _cell(text: str, colspan: int = 1) -> str:
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    if not text:
        return f"<td{span}>&nbsp;</td>"
    # Word-made pages wrap each cell's text in a paragraph and a span
    return f'<td{span}><p class="MsoNormal" align="center"><span lang="EN-US">{escape(text)}</span></p></td>'


def _row(cells: list[str], *, code_columns: bool) -> str:
    """A body row; with ``code_columns`` the 类/款/项 columns are one cell spanning three, as
    sites print a full code."""
    if code_columns and len(cells) > 3 and not cells[1] and not cells[2]:
        return "<tr>" + _cell(cells[0], 3) + "".join(_cell(cell) for cell in cells[3:]) + "</tr>"
    return "<tr>" + "".join(_cell(cell) for cell in cells) + "</tr>"


def seed_003_html() -> str:
    """Seed 003's text as the body of a page: tables for tab-separated lines, ``<p>`` for text."""
    lines = SEED_003.read_text(encoding="utf-8").split("\n")
    parts: list[str] = []
    title = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        if "\t" not in line:
            if line.strip():
                parts.append(f"<p>{escape(line.strip())}</p>")
                if not line.startswith(_META_PREFIXES):
                    title = line.strip()
            index += 1
            continue
        rows = []
        while index < len(lines) and "\t" in lines[index]:
            rows.append(lines[index].split("\t"))
            index += 1
        skip, header = _HEADERS.get(title, (0, ""))
        body = "".join(_row(cells, code_columns=bool(skip)) + "\n" for cells in rows[skip:])
        parts.append(f'<table border="1" cellspacing="0" width="100%">\n{header}<tbody>\n{body}</tbody></table>')
        title = ""
    return "\n".join(parts)


def zhanyi_page() -> bytes:
    """Seed 003 published on its county's site, as GBK bytes declared gb2312."""
    return (_SITE_HEAD + seed_003_html() + "\n" + _SITE_FOOT).encode("gbk")


XHTML_BUDGET = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="zh-CN" lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="application/xhtml+xml; charset=UTF-8" />
<title>温州市样例局2024年度部门预算</title>
</head>
<body>
<h1>温州市样例局2024年度部门预算</h1>
<h3>2024年度支出预算总表</h3>
<p>部门：温州市样例局　单位：万元</p>
<table border="1">
<thead>
<tr><th>科目编码</th><th>科目名称</th><th>合计</th><th>基本<br />支出</th><th>项目<br/>支出</th>
<th>事业单位<br />经营支出</th><th>上缴上级<br />支出</th><th>对附属单位<br />补助支出</th></tr>
</thead>
<tbody>
<tr><td></td><td>合计</td><td>310.50</td><td>250.50</td><td>60.00</td><td></td><td></td><td></td></tr>
<tr><td>210</td><td>卫生健康支出</td><td>310.50</td><td>250.50</td><td>60.00</td><td></td><td></td><td></td></tr>
<tr><td>21015</td><td>医疗保障管理事务</td><td>310.50</td><td>250.50</td><td>60.00</td><td></td><td></td><td></td></tr>
<tr><td>2101501</td><td>行政运行</td><td>250.50</td><td>250.50</td><td></td><td></td><td></td><td></td></tr>
<tr><td>2101599</td><td>其他医疗保障管理事务支出</td><td>60.00</td><td></td><td>60.00</td><td></td><td></td><td></td></tr>
</tbody>
</table>
<h3>2024年度一般公共预算拨款支出预算表</h3>
<p>部门：温州市样例局　单位：万元</p>
<table border="1">
<thead>
<tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th rowspan="2">合计</th><th colspan="2">其中：</th></tr>
<tr><th>基本<br />支出</th><th>项目<br />支出</th></tr>
</thead>
<tbody>
<tr><td></td><td>合计</td><td>310.50</td><td>250.50</td><td>60.00</td></tr>
<tr><td>210</td><td>卫生健康支出</td><td>310.50</td><td>250.50</td><td>60.00</td></tr>
<tr><td>21015</td><td>医疗保障管理事务</td><td>310.50</td><td>250.50</td><td>60.00</td></tr>
<tr><td>2101501</td><td>行政运行</td><td>250.50</td><td>250.50</td><td></td></tr>
<tr><td>2101599</td><td>其他医疗保障管理事务支出</td><td>60.00</td><td></td><td>60.00</td></tr>
</tbody>
</table>
</body>
</html>
"""

UTF8_AMOUNTS = """\
<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>部门决算</title></head>
<body>
<article>
<h2>宁波市样例中心2023年度部门决算</h2>
<p>支出决算表</p>
<p>公开03表</p>
<p>部门：宁波市样例中心</p>
<p>金额单位：万元</p>
<table>
<tr><td colspan="2">项目</td><td rowspan="2">本年支出合计</td><td rowspan="2">基本支出</td><td rowspan="2">项目支出</td>
<td rowspan="2">上缴上级支出</td><td rowspan="2">经营支出</td><td rowspan="2">对附属单位补助支出</td></tr>
<tr><td>科目编码</td><td>科目名称</td></tr>
<tr><td>&nbsp;</td><td>合计</td><td>12,345.67</td><td>12,345.67</td><td>0.00</td><td>—</td><td>&nbsp;</td><td></td></tr>
<tr><td>210</td><td>卫生健康支出</td><td>12,345.67</td><td>12,345.67</td><td>0.00</td><td>—</td><td>&nbsp;&nbsp;</td><td></td></tr>
<tr><td>21015</td><td>医疗保障管理事务</td><td>12,345.67</td><td>12,345.67</td><td>0.00</td><td>—</td>
<td> </td><td></td></tr>
<tr><td>2101501</td><td>行政运行</td><td>1,000.00</td><td>1,000.00</td><td>0.00</td><td>—</td><td>&nbsp;</td><td></td></tr>
<tr><td>2101550</td><td>事业<br>运行</td><td>11,345.67</td><td>11,345.67</td><td>0.00</td><td>—</td><td>&nbsp;</td><td></td></tr>
</table>
</article>
</body>
</html>
"""

NOT_A_DISCLOSURE = """\
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>新闻</title></head>
<body>
<h1>我区举办医保政策宣传活动</h1>
<p>9月20日，区医疗保障局在城区广场开展医保政策宣传活动，现场发放宣传资料。</p>
<table><tr><td>活动</td><td>人数</td></tr><tr><td>现场咨询</td><td>120</td></tr></table>
</body></html>
"""

BILLION_LAUGHS = """\
<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><body><p>支出决算表</p><table><tr><td>合计</td><td>&lol9;</td></tr></table></body></html>
"""


def external_entity_page(url: str) -> str:
    """A page whose entity would fetch ``url`` if a parser resolved it."""
    return (
        f'<!DOCTYPE html [<!ENTITY x SYSTEM "{url}">]>\n'
        "<html><body><p>支出决算表</p><table><tr><td>合计</td><td>&x;</td></tr></table></body></html>\n"
    )


def external_subset_page(url: str) -> str:
    """A page whose internal DTD subset refers to ``url`` without declaring an entity."""
    return (
        f'<!doctype html [ <!NOTATION remote SYSTEM "{url}"> ]>\n'
        "<html><body><table><tr><td>合计</td><td>1.00</td></tr></table></body></html>\n"
    )


def deep_page(depth: int) -> str:
    """A page whose ``<div>`` s nest ``depth`` deep."""
    return "<!DOCTYPE html><html><body>" + "<div>" * depth + "1.00" + "</div>" * depth + "</body></html>"
