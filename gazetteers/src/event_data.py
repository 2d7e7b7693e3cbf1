"""EVENT rows: UNFCCC COP/CMP/CMA sessions, ASEAN environment ministers' meetings and
summits, G7/G20/APEC by year, recurring dialogues and observances.

``parent`` is the host city (``gpe:<iso2>-<slug>``, the ids of gpe.csv; the country id for a
city-state or a virtual meeting hosted by a country), ``country`` the host country's ISO code,
``valid_from``/``valid_to`` the first and last day of the session.  Recurring events without
a number or year (Ngày Môi trường thế giới, Giờ Trái Đất, the generic "Hội nghị COP") have no
dates and no host.
"""

from org_common import E

COP_SRC = "https://unfccc.int/process/bodies/supreme-bodies/conference-of-the-parties-cop"
CMP_SRC = "https://unfccc.int/process/bodies/supreme-bodies/conference-of-the-parties-serving-as-the-meeting-of-the-parties-to-the-kyoto-protocol-cmp"
CMA_SRC = "https://unfccc.int/process/bodies/supreme-bodies/conference-of-the-parties-serving-as-the-meeting-of-the-parties-to-the-paris-agreement-cma"
ASEAN_SUMMIT_SRC = "https://en.wikipedia.org/wiki/ASEAN_Summit"
G7_SRC = "https://en.wikipedia.org/wiki/List_of_G7_summits"
G20_SRC = "https://en.wikipedia.org/wiki/G20#Summits"
APEC_SRC = "https://www.apec.org/meeting-papers/leaders-declarations"

# number: (start, end, host city id, host country, city as the Vietnamese press writes it, English city)
COPS = {
    1: ("1995-03-28", "1995-04-07", "gpe:de-berlin", "DE", "Berlin", "Berlin"),
    2: ("1996-07-08", "1996-07-19", "gpe:ch-geneva", "CH", "Geneva", "Geneva"),
    3: ("1997-12-01", "1997-12-11", "gpe:jp-kyoto", "JP", "Kyoto", "Kyoto"),
    4: ("1998-11-02", "1998-11-14", "gpe:ar-buenos-aires", "AR", "Buenos Aires", "Buenos Aires"),
    5: ("1999-10-25", "1999-11-05", "gpe:de-bonn", "DE", "Bonn", "Bonn"),
    6: ("2000-11-13", "2000-11-25", "gpe:nl-the-hague", "NL", "La Haye", "The Hague"),
    7: ("2001-10-29", "2001-11-10", "gpe:ma-marrakech", "MA", "Marrakech", "Marrakech"),
    8: ("2002-10-23", "2002-11-01", "gpe:in-new-delhi", "IN", "New Delhi", "New Delhi"),
    9: ("2003-12-01", "2003-12-12", "gpe:it-milan", "IT", "Milan", "Milan"),
    10: ("2004-12-06", "2004-12-18", "gpe:ar-buenos-aires", "AR", "Buenos Aires", "Buenos Aires"),
    11: ("2005-11-28", "2005-12-10", "gpe:ca-montreal", "CA", "Montreal", "Montreal"),
    12: ("2006-11-06", "2006-11-17", "gpe:ke-nairobi", "KE", "Nairobi", "Nairobi"),
    13: ("2007-12-03", "2007-12-15", "gpe:id-bali", "ID", "Bali", "Bali"),
    14: ("2008-12-01", "2008-12-12", "gpe:pl-poznan", "PL", "Poznan", "Poznań"),
    15: ("2009-12-07", "2009-12-19", "gpe:dk-copenhagen", "DK", "Copenhagen", "Copenhagen"),
    16: ("2010-11-29", "2010-12-11", "gpe:mx-cancun", "MX", "Cancún", "Cancún"),
    17: ("2011-11-28", "2011-12-11", "gpe:za-durban", "ZA", "Durban", "Durban"),
    18: ("2012-11-26", "2012-12-08", "gpe:qa-doha", "QA", "Doha", "Doha"),
    19: ("2013-11-11", "2013-11-23", "gpe:pl-warsaw", "PL", "Warsaw", "Warsaw"),
    20: ("2014-12-01", "2014-12-14", "gpe:pe-lima", "PE", "Lima", "Lima"),
    21: ("2015-11-30", "2015-12-12", "gpe:fr-paris", "FR", "Paris", "Paris"),
    22: ("2016-11-07", "2016-11-18", "gpe:ma-marrakech", "MA", "Marrakech", "Marrakech"),
    23: ("2017-11-06", "2017-11-17", "gpe:de-bonn", "DE", "Bonn", "Bonn"),
    24: ("2018-12-02", "2018-12-15", "gpe:pl-katowice", "PL", "Katowice", "Katowice"),
    25: ("2019-12-02", "2019-12-15", "gpe:es-madrid", "ES", "Madrid", "Madrid"),
    26: ("2021-10-31", "2021-11-13", "gpe:gb-glasgow", "GB", "Glasgow", "Glasgow"),
    27: ("2022-11-06", "2022-11-20", "gpe:eg-sharm-el-sheikh", "EG", "Sharm El-Sheikh", "Sharm El-Sheikh"),
    28: ("2023-11-30", "2023-12-13", "gpe:ae-dubai", "AE", "Dubai", "Dubai"),
    29: ("2024-11-11", "2024-11-24", "gpe:az-baku", "AZ", "Baku", "Baku"),
    30: ("2025-11-10", "2025-11-22", "gpe:br-belem", "BR", "Belém", "Belém"),
}

UNFCCC_NAMES = [
    "Công ước khung của Liên hợp quốc về biến đổi khí hậu",
    "Công ước khung Liên hợp quốc về biến đổi khí hậu",
]


def _ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _lan_thu(n: int) -> list[str]:
    """The ways the press writes "the n-th": "lần thứ 26"; "lần thứ nhất"/"thứ hai"/"thứ tư" too."""
    words = {1: ["nhất"], 2: ["hai"], 4: ["tư"]}
    return [f"lần thứ {n}"] + [f"lần thứ {w}" for w in words.get(n, [])]


def cop_rows() -> list[dict[str, str]]:
    rows = []
    for n, (start, end, city, cc, city_vi, city_en) in COPS.items():
        year = start[:4]
        al = [f"COP {n}", f"COP-{n}", f"Hội nghị COP{n}", f"Hội nghị COP {n}", f"UNFCCC COP{n}",
              f"COP{n} UNFCCC", f"Hội nghị khí hậu COP{n}", f"Hội nghị thượng đỉnh khí hậu COP{n}",
              f"Hội nghị Thượng đỉnh COP{n}", f"Hội nghị COP{n} về biến đổi khí hậu",
              f"UN Climate Change Conference {year}", f"{year} United Nations Climate Change Conference",
              f"Hội nghị Liên hợp quốc về biến đổi khí hậu năm {year}",
              f"Hội nghị Liên hợp quốc về biến đổi khí hậu COP{n}"]
        for lt in _lan_thu(n):
            al += [f"Hội nghị COP {lt}", f"Hội nghị {lt} Liên hợp quốc về biến đổi khí hậu",
                   f"Hội nghị Liên hợp quốc về biến đổi khí hậu {lt}"]
            for conv in UNFCCC_NAMES:
                al += [f"Hội nghị {lt} các Bên tham gia {conv}",
                       f"Hội nghị các Bên tham gia {conv} {lt}"]
        for conv in UNFCCC_NAMES:
            al += [f"kỳ họp thứ {n} của Hội nghị các Bên tham gia {conv}"]
        al.append(f"Hội nghị COP{n} tại {city_vi}")
        rows.append(E(f"event:cop{n}", f"COP{n}", " | ".join(al),
                      en=f"{year} United Nations Climate Change Conference ({_ordinal_en(n)} session of the "
                         f"Conference of the Parties to the UNFCCC), {city_en}",
                      acr=f"COP{n}", parent=city, country=cc, vf=start, vt=end, src=COP_SRC))
    return rows


def cmp_rows() -> list[dict[str, str]]:
    rows = []
    for n in range(1, 21):
        start, end, city, cc, _, city_en = COPS[n + 10]
        al = [f"CMP {n}", f"CMP-{n}"]
        for lt in _lan_thu(n):
            al += [f"Hội nghị {lt} các Bên tham gia Nghị định thư Kyoto",
                   f"Hội nghị các Bên tham gia Nghị định thư Kyoto {lt}",
                   f"Kỳ họp {lt} Hội nghị các Bên tham gia Nghị định thư Kyoto"]
        rows.append(E(f"event:cmp{n}", f"CMP{n}", " | ".join(al),
                      en=f"{_ordinal_en(n)} session of the Conference of the Parties serving as the meeting of "
                         f"the Parties to the Kyoto Protocol, {city_en}",
                      acr=f"CMP{n}", parent=city, country=cc, vf=start, vt=end, src=CMP_SRC))
    return rows


# CMA n: held with COP m.  CMA1 met in three parts (COP22, COP23, COP24).
CMAS = {1: (22, 24), 2: (25, 25), 3: (26, 26), 4: (27, 27), 5: (28, 28), 6: (29, 29), 7: (30, 30)}


def cma_rows() -> list[dict[str, str]]:
    rows = []
    for n, (first, last) in CMAS.items():
        start, _, city, cc, _, city_en = COPS[first]
        end = COPS[last][1]
        al = [f"CMA {n}", f"CMA-{n}"]
        for lt in _lan_thu(n):
            al += [f"Hội nghị {lt} các Bên tham gia Thỏa thuận Paris",
                   f"Hội nghị các Bên tham gia Thỏa thuận Paris {lt}",
                   f"Kỳ họp {lt} Hội nghị các Bên tham gia Thỏa thuận Paris"]
        rows.append(E(f"event:cma{n}", f"CMA{n}", " | ".join(al),
                      en=f"{_ordinal_en(n)} session of the Conference of the Parties serving as the meeting of "
                         f"the Parties to the Paris Agreement, {city_en}",
                      acr=f"CMA{n}", parent=city, country=cc, vf=start, vt=end, src=CMA_SRC))
    return rows


# AMME number: (start, end, host city, country, source)
AMMES = {
    13: ("2015-10", "2015-10", "gpe:vn-ha-noi", "VN",
         "http://intl.denr.gov.ph/index.php/asean-menu/asean-groups/asean-high-level-meetings/article/4-asean-ministerial-meeting-on-environment-amme"),
    14: ("2017-09-12", "2017-09-12", "gpe:bn-bandar-seri-begawan", "BN",
         "http://intl.denr.gov.ph/asean-menu/asean-groups/asean-high-level-meetings/article/4-asean-ministerial-meeting-on-environment-amme"),
    15: ("2019-10-08", "2019-10-09", "gpe:kh-siem-reap", "KH",
         "https://aseanplusthree.asean.org/16th-asean-plus-three-environment-ministers/"),
    16: ("2021-10-21", "2021-10-22", "gpe:id-jakarta", "ID", "https://aseanplusthree.asean.org/?p=2646 (video conference)"),
    17: ("2023-08-23", "2023-08-24", "gpe:la-vientiane", "LA",
         "https://en.vietnamplus.vn/asean-enhances-regional-cooperation-to-tackle-environmental-challenges/266881.vnp"),
    18: ("2025-09-02", "2025-09-04", "gpe:my-langkawi", "MY",
         "https://thesun.my/malaysia-news/malaysia-hosts-18th-asean-environment-meeting-in-langkawi-this-september-BH14757655"),
}


def amme_rows() -> list[dict[str, str]]:
    rows = []
    for n, (start, end, city, cc, src) in AMMES.items():
        al = [f"AMME{n}", f"AMME-{n}", f"AMME lần thứ {n}", f"Hội nghị AMME {n}", f"Hội nghị AMME lần thứ {n}",
              f"Hội nghị AMME{n}", f"{_ordinal_en(n)} AMME",
              f"Hội nghị Bộ trưởng Môi trường ASEAN lần thứ {n}",
              f"Hội nghị Bộ trưởng ASEAN về môi trường lần thứ {n}",
              f"Hội nghị Bộ trưởng ASEAN về Môi trường lần thứ {n}",
              f"{_ordinal_en(n)} ASEAN Ministerial Meeting on the Environment",
              f"{_ordinal_en(n)} ASEAN Ministerial Meeting on Environment"]
        rows.append(E(f"event:amme-{n}", f"AMME {n}", " | ".join(al),
                      en=f"{_ordinal_en(n)} ASEAN Ministerial Meeting on the Environment", acr=f"AMME {n}",
                      parent=city, country=cc, vf=start, vt=end, src=src))
    return rows


# ASEAN Summit number: (start, end, host city, country)
ASEAN_SUMMITS = {
    30: ("2017-04-28", "2017-04-29", "gpe:ph-manila", "PH"),
    31: ("2017-11-13", "2017-11-14", "gpe:ph-manila", "PH"),
    32: ("2018-04-27", "2018-04-28", "gpe:sg", "SG"),
    33: ("2018-11-13", "2018-11-15", "gpe:sg", "SG"),
    34: ("2019-06-22", "2019-06-23", "gpe:th-bangkok", "TH"),
    35: ("2019-11-02", "2019-11-04", "gpe:th-bangkok", "TH"),
    36: ("2020-06-26", "2020-06-26", "gpe:vn-ha-noi", "VN"),
    37: ("2020-11-12", "2020-11-15", "gpe:vn-ha-noi", "VN"),
    38: ("2021-10-26", "2021-10-28", "gpe:bn-bandar-seri-begawan", "BN"),
    39: ("2021-10-26", "2021-10-28", "gpe:bn-bandar-seri-begawan", "BN"),
    40: ("2022-11-10", "2022-11-13", "gpe:kh-phnom-penh", "KH"),
    41: ("2022-11-10", "2022-11-13", "gpe:kh-phnom-penh", "KH"),
    42: ("2023-05-10", "2023-05-11", "gpe:id-labuan-bajo", "ID"),
    43: ("2023-09-05", "2023-09-07", "gpe:id-jakarta", "ID"),
    44: ("2024-10-08", "2024-10-11", "gpe:la-vientiane", "LA"),
    45: ("2024-10-08", "2024-10-11", "gpe:la-vientiane", "LA"),
    46: ("2025-05-26", "2025-05-27", "gpe:my-kuala-lumpur", "MY"),
    47: ("2025-10-26", "2025-10-28", "gpe:my-kuala-lumpur", "MY"),
}


def asean_summit_rows() -> list[dict[str, str]]:
    rows = []
    for n, (start, end, city, cc) in ASEAN_SUMMITS.items():
        al = [f"Hội nghị Cấp cao ASEAN {n}", f"Hội nghị Thượng đỉnh ASEAN lần thứ {n}",
              f"Hội nghị Thượng đỉnh ASEAN {n}", f"Hội nghị Cấp cao Hiệp hội các quốc gia Đông Nam Á lần thứ {n}",
              f"Cấp cao ASEAN {n}", f"Cấp cao ASEAN lần thứ {n}", f"{_ordinal_en(n)} ASEAN Summit"]
        rows.append(E(f"event:asean-summit-{n}", f"Hội nghị Cấp cao ASEAN lần thứ {n}", " | ".join(al),
                      en=f"{_ordinal_en(n)} ASEAN Summit", parent=city, country=cc, vf=start, vt=end,
                      src=ASEAN_SUMMIT_SRC))
    return rows


# year: (start, end, host city id, country, Vietnamese city name, outreach with Viet Nam)
G7 = {
    2016: ("2016-05-26", "2016-05-27", "gpe:jp-ise-shima", "JP", "Ise-Shima", True),
    2017: ("2017-05-26", "2017-05-27", "gpe:it-taormina", "IT", "Taormina", False),
    2018: ("2018-06-08", "2018-06-09", "gpe:ca-la-malbaie", "CA", "Charlevoix", False),
    2019: ("2019-08-24", "2019-08-26", "gpe:fr-biarritz", "FR", "Biarritz", True),
    2021: ("2021-06-11", "2021-06-13", "gpe:gb-carbis-bay", "GB", "Cornwall", False),
    2022: ("2022-06-26", "2022-06-28", "gpe:de-elmau", "DE", "Elmau", False),
    2023: ("2023-05-19", "2023-05-21", "gpe:jp-hiroshima", "JP", "Hiroshima", True),
    2024: ("2024-06-13", "2024-06-15", "gpe:it-fasano", "IT", "Apulia", False),
    2025: ("2025-06-15", "2025-06-17", "gpe:ca-kananaskis", "CA", "Kananaskis", False),
}
G20 = {
    2016: ("2016-09-04", "2016-09-05", "gpe:cn-hangzhou", "CN", "Hàng Châu"),
    2017: ("2017-07-07", "2017-07-08", "gpe:de-hamburg", "DE", "Hamburg"),
    2018: ("2018-11-30", "2018-12-01", "gpe:ar-buenos-aires", "AR", "Buenos Aires"),
    2019: ("2019-06-28", "2019-06-29", "gpe:jp-osaka", "JP", "Osaka"),
    2020: ("2020-11-21", "2020-11-22", "gpe:sa-riyadh", "SA", "Riyadh"),
    2021: ("2021-10-30", "2021-10-31", "gpe:it-rome", "IT", "Rome"),
    2022: ("2022-11-15", "2022-11-16", "gpe:id-bali", "ID", "Bali"),
    2023: ("2023-09-09", "2023-09-10", "gpe:in-new-delhi", "IN", "New Delhi"),
    2024: ("2024-11-18", "2024-11-19", "gpe:br-rio-de-janeiro", "BR", "Rio de Janeiro"),
    2025: ("2025-11-22", "2025-11-23", "gpe:za-johannesburg", "ZA", "Johannesburg"),
}


def g7_g20_rows() -> list[dict[str, str]]:
    rows = []
    for year, (start, end, city, cc, city_vi, outreach) in G7.items():
        al = [f"Hội nghị Thượng đỉnh G7 năm {year}", f"Hội nghị Cấp cao G7 {year}", f"Hội nghị Cấp cao G7 năm {year}",
              f"Hội nghị thượng đỉnh G7 {city_vi}", f"Hội nghị Thượng đỉnh G7 tại {city_vi}", f"Hội nghị G7 {city_vi}",
              f"Thượng đỉnh G7 {year}", f"G7 Summit {year}", f"{year} G7 Summit"]
        if outreach:
            al += [f"Hội nghị G7 mở rộng {year}", f"Hội nghị G7 mở rộng năm {year}",
                   f"Hội nghị Thượng đỉnh G7 mở rộng {year}"]
        rows.append(E(f"event:g7-{year}", f"Hội nghị Thượng đỉnh G7 {year}", " | ".join(al),
                      en=f"{year} G7 Summit ({city_vi})", parent=city, country=cc, vf=start, vt=end, src=G7_SRC))
    for year, (start, end, city, cc, city_vi) in G20.items():
        al = [f"Hội nghị Thượng đỉnh G20 năm {year}", f"Hội nghị Cấp cao G20 {year}",
              f"Hội nghị Cấp cao G20 năm {year}", f"Hội nghị thượng đỉnh G20 {city_vi}",
              f"Hội nghị Thượng đỉnh G20 tại {city_vi}", f"Hội nghị G20 {city_vi}", f"Thượng đỉnh G20 {year}",
              f"G20 Summit {year}", f"{year} G20 Summit"]
        rows.append(E(f"event:g20-{year}", f"Hội nghị Thượng đỉnh G20 {year}", " | ".join(al),
                      en=f"{year} G20 Summit ({city_vi})", parent=city, country=cc, vf=start, vt=end, src=G20_SRC))
    return rows


# year: (start, end, host city id, country, Leaders' Meeting number, Vietnamese host name)
APECS = {
    2006: ("2006-11-18", "2006-11-19", "gpe:vn-ha-noi", "VN", 14, "Hà Nội"),
    2016: ("2016-11-19", "2016-11-20", "gpe:pe-lima", "PE", 24, "Lima"),
    2017: ("2017-11-06", "2017-11-11", "gpe:vn-da-nang", "VN", 25, "Đà Nẵng"),
    2018: ("2018-11-17", "2018-11-18", "gpe:pg-port-moresby", "PG", 26, "Port Moresby"),
    2020: ("2020-11-20", "2020-11-20", "gpe:my-kuala-lumpur", "MY", 27, "Malaysia"),
    2021: ("2021-11-12", "2021-11-12", "gpe:nz", "NZ", 28, "New Zealand"),
    2022: ("2022-11-18", "2022-11-19", "gpe:th-bangkok", "TH", 29, "Bangkok"),
    2023: ("2023-11-15", "2023-11-17", "gpe:us-san-francisco", "US", 30, "San Francisco"),
    2024: ("2024-11-15", "2024-11-16", "gpe:pe-lima", "PE", 31, "Lima"),
    2025: ("2025-10-31", "2025-11-01", "gpe:kr-gyeongju", "KR", 32, "Gyeongju"),
}


def apec_rows() -> list[dict[str, str]]:
    rows = []
    for year, (start, end, city, cc, n, host) in APECS.items():
        al = [f"Năm APEC {year}", f"Tuần lễ Cấp cao APEC {year}", f"Hội nghị Cấp cao APEC {year}",
              f"Hội nghị Cấp cao APEC năm {year}", f"Hội nghị Thượng đỉnh APEC {year}",
              f"Hội nghị các nhà Lãnh đạo kinh tế APEC lần thứ {n}", f"Hội nghị Cấp cao APEC lần thứ {n}",
              f"Hội nghị Thượng đỉnh APEC lần thứ {n}", f"APEC {host} {year}", f"APEC {year} {host}",
              f"APEC {host}", f"Hội nghị APEC {year}", f"APEC Economic Leaders' Meeting {year}"]
        if cc == "VN":
            al += [f"APEC Việt Nam {year}", f"Năm APEC Việt Nam {year}"]
        rows.append(E(f"event:apec-{year}", f"APEC {year}", " | ".join(al),
                      en=f"APEC {year} ({_ordinal_en(n)} APEC Economic Leaders' Meeting, {host})",
                      parent=city, country=cc, vf=start, vt=end, src=APEC_SRC))
    return rows


OTHER = [
    # ---------------------------------------------------------------- generic recurring bodies' meetings
    E("event:unfccc-cop", "Hội nghị các Bên tham gia Công ước khung của Liên hợp quốc về biến đổi khí hậu",
      "Hội nghị COP | COP | Hội nghị các Bên tham gia Công ước khung Liên hợp quốc về biến đổi khí hậu | "
      "Hội nghị các Bên tham gia UNFCCC | Hội nghị thượng đỉnh khí hậu COP | UN Climate Change Conference",
      en="Conference of the Parties to the UNFCCC (recurring)", src=COP_SRC),
    E("event:cop6-bis", "COP6 bis", "COP 6 bis | COP6bis | COP6-bis | Hội nghị COP6 bis",
      en="Resumed sixth session of the Conference of the Parties to the UNFCCC (COP6 part II), Bonn",
      parent="gpe:de-bonn", country="DE", vf="2001-07-16", vt="2001-07-27", src=COP_SRC),
    E("event:cbd-cop15", "Hội nghị lần thứ 15 các Bên tham gia Công ước Đa dạng sinh học",
      "CBD COP15 | COP15 CBD | COP15 về đa dạng sinh học | Hội nghị COP15 về đa dạng sinh học | "
      "Hội nghị các Bên tham gia Công ước Đa dạng sinh học lần thứ 15 | "
      "UN Biodiversity Conference COP15",
      en="15th meeting of the Conference of the Parties to the Convention on Biological Diversity (Kunming/Montreal)",
      parent="gpe:cn-kunming", country="CN", vf="2021-10-11", vt="2022-12-19",
      src="https://www.cbd.int/conferences/2021-2022"),
    E("event:cbd-cop16", "Hội nghị lần thứ 16 các Bên tham gia Công ước Đa dạng sinh học",
      "CBD COP16 | COP16 CBD | COP16 về đa dạng sinh học | Hội nghị COP16 về đa dạng sinh học | "
      "Hội nghị các Bên tham gia Công ước Đa dạng sinh học lần thứ 16 | UN Biodiversity Conference COP16",
      en="16th meeting of the Conference of the Parties to the Convention on Biological Diversity (Cali)",
      parent="gpe:co-cali", country="CO", vf="2024-10-21", vt="2024-11-01", src="https://www.cbd.int/conferences/2024"),
    E("event:amme", "Hội nghị Bộ trưởng Môi trường ASEAN",
      "AMME | Hội nghị Bộ trưởng ASEAN về môi trường | Hội nghị Bộ trưởng ASEAN về Môi trường | "
      "ASEAN Ministerial Meeting on the Environment | ASEAN Ministerial Meeting on Environment",
      en="ASEAN Ministerial Meeting on the Environment (recurring)", acr="AMME",
      src="https://environment.asean.org"),
    E("event:emm-asean-plus-3", "Hội nghị Bộ trưởng Môi trường ASEAN+3",
      "Hội nghị Bộ trưởng Môi trường ASEAN + 3 | Hội nghị Bộ trưởng môi trường ASEAN cộng 3 | "
      "ASEAN Plus Three Environment Ministers Meeting",
      en="ASEAN Plus Three Environment Ministers Meeting (recurring)", src="https://aseanplusthree.asean.org"),
    E("event:ajmdec", "Đối thoại Bộ trưởng ASEAN - Nhật Bản về hợp tác môi trường",
      "AJMDEC | ASEAN-Japan Ministerial Dialogue on Environmental Cooperation",
      en="ASEAN-Japan Ministerial Dialogue on Environmental Cooperation (recurring)", acr="AJMDEC",
      src="https://www.env.go.jp/en/"),
    E("event:jp-vn-env-policy-dialogue", "Đối thoại chính sách môi trường Việt Nam - Nhật Bản",
      "Đối thoại chính sách môi trường Nhật Bản - Việt Nam | Đối thoại Chính sách môi trường Việt Nam - Nhật Bản | "
      "Japan-Viet Nam Environmental Policy Dialogue",
      en="Japan-Viet Nam Environmental Policy Dialogue (recurring)", src="https://www.env.go.jp/en/"),
    E("event:amm", "Hội nghị Bộ trưởng Ngoại giao ASEAN", "AMM | ASEAN Foreign Ministers' Meeting",
      en="ASEAN Foreign Ministers' Meeting (recurring)", acr="AMM", src="https://asean.org"),
    E("event:aem", "Hội nghị Bộ trưởng Kinh tế ASEAN", "AEM | ASEAN Economic Ministers Meeting",
      en="ASEAN Economic Ministers' Meeting (recurring)", acr="AEM", src="https://asean.org"),
    E("event:amem", "Hội nghị Bộ trưởng Năng lượng ASEAN", "AMEM | ASEAN Ministers on Energy Meeting",
      en="ASEAN Ministers on Energy Meeting (recurring)", acr="AMEM", src="https://aseanenergy.org"),
    E("event:asean-summit", "Hội nghị Cấp cao ASEAN", "Hội nghị Thượng đỉnh ASEAN | ASEAN Summit",
      en="ASEAN Summit (recurring)", src=ASEAN_SUMMIT_SRC),
    E("event:asean-plus-3-summit", "Hội nghị Cấp cao ASEAN+3", "Hội nghị Cấp cao ASEAN + 3 | Hội nghị Thượng đỉnh ASEAN+3 | ASEAN Plus Three Summit",
      en="ASEAN Plus Three Summit (recurring)", src="https://aseanplusthree.asean.org"),
    E("event:eas", "Hội nghị Cấp cao Đông Á", "EAS | Hội nghị Thượng đỉnh Đông Á | East Asia Summit",
      en="East Asia Summit (recurring)", acr="EAS", vf="2005-12-14", src="https://asean.org"),
    E("event:g7-summit", "Hội nghị Thượng đỉnh G7", "Hội nghị Cấp cao G7 | G7 Summit",
      en="G7 Summit (recurring)", src=G7_SRC),
    E("event:g20-summit", "Hội nghị Thượng đỉnh G20", "Hội nghị Cấp cao G20 | G20 Summit",
      en="G20 Summit (recurring)", src=G20_SRC),
    E("event:apec-leaders", "Hội nghị các nhà Lãnh đạo kinh tế APEC",
      "Hội nghị Cấp cao APEC | Hội nghị Thượng đỉnh APEC | Tuần lễ Cấp cao APEC | APEC Economic Leaders' Meeting",
      en="APEC Economic Leaders' Meeting (recurring)", src=APEC_SRC),
    E("event:brics-2024", "Hội nghị Thượng đỉnh BRICS lần thứ 16",
      "Hội nghị Thượng đỉnh BRICS 2024 | Hội nghị Thượng đỉnh BRICS mở rộng 2024 | Hội nghị BRICS mở rộng tại Kazan | "
      "Hội nghị Thượng đỉnh BRICS tại Kazan | 16th BRICS Summit",
      en="16th BRICS Summit (Kazan)", parent="gpe:ru-kazan", country="RU", vf="2024-10-22", vt="2024-10-24",
      src="https://en.wikipedia.org/wiki/16th_BRICS_summit"),
    E("event:brics-2025", "Hội nghị Thượng đỉnh BRICS lần thứ 17",
      "Hội nghị Thượng đỉnh BRICS 2025 | Hội nghị Thượng đỉnh BRICS mở rộng 2025 | Hội nghị Thượng đỉnh BRICS tại Rio de Janeiro | "
      "17th BRICS Summit",
      en="17th BRICS Summit (Rio de Janeiro)", parent="gpe:br-rio-de-janeiro", country="BR", vf="2025-07-06",
      vt="2025-07-07", src="https://en.wikipedia.org/wiki/17th_BRICS_summit"),
    E("event:asean-japan-50", "Hội nghị Cấp cao kỷ niệm 50 năm quan hệ hữu nghị và hợp tác ASEAN - Nhật Bản",
      "Hội nghị Cấp cao kỷ niệm 50 năm quan hệ ASEAN - Nhật Bản | Hội nghị Cấp cao đặc biệt ASEAN - Nhật Bản 2023 | "
      "ASEAN-Japan Commemorative Summit",
      en="Commemorative Summit for the 50th Year of ASEAN-Japan Friendship and Cooperation", parent="gpe:jp-tokyo",
      country="JP", vf="2023-12-16", vt="2023-12-18", src="MOFA Japan, ASEAN-Japan Commemorative Summit, Tokyo, 2023-12-16/18; https://www.mofa.go.jp"),
    E("event:asean-us-special-2022", "Hội nghị Cấp cao đặc biệt ASEAN - Hoa Kỳ",
      "Hội nghị Cấp cao đặc biệt ASEAN - Mỹ | Hội nghị Thượng đỉnh đặc biệt ASEAN - Mỹ | ASEAN-U.S. Special Summit",
      en="ASEAN-U.S. Special Summit 2022", parent="gpe:us-washington", country="US", vf="2022-05-12",
      vt="2022-05-13", src="Joint Vision Statement of the ASEAN-U.S. Special Summit, 2022-05-13; https://asean.org"),
    E("event:azec-summit-1", "Hội nghị Cấp cao Cộng đồng phát thải ròng bằng 0 châu Á lần thứ nhất",
      "Hội nghị Cấp cao AZEC lần thứ nhất | Hội nghị Cấp cao AZEC 2023 | Hội nghị Thượng đỉnh AZEC 2023 | "
      "AZEC Leaders Meeting 2023",
      en="First AZEC Leaders Meeting (Tokyo)", parent="gpe:jp-tokyo", country="JP", vf="2023-12-18",
      vt="2023-12-18", src="METI (Japan), AZEC Leaders Meeting, Tokyo, 2023-12-18; https://www.meti.go.jp/english/"),
    E("event:azec-summit-2", "Hội nghị Cấp cao Cộng đồng phát thải ròng bằng 0 châu Á lần thứ hai",
      "Hội nghị Cấp cao AZEC lần thứ hai | Hội nghị Cấp cao AZEC lần thứ 2 | Hội nghị Cấp cao AZEC 2024 | "
      "AZEC Leaders Meeting 2024",
      en="Second AZEC Leaders Meeting (Vientiane)", parent="gpe:la-vientiane", country="LA", vf="2024-10-11",
      vt="2024-10-11", src="METI (Japan), 2nd AZEC Leaders Meeting, Vientiane, 2024-10-11; https://www.meti.go.jp/english/"),
    E("event:mlc-summit", "Hội nghị Cấp cao Hợp tác Mekong - Lan Thương",
      "Hội nghị các nhà Lãnh đạo Hợp tác Mekong - Lan Thương | Mekong-Lancang Leaders' Meeting",
      en="Lancang-Mekong Cooperation Leaders' Meeting (recurring)", src="http://www.lmcchina.org/eng/"),
    E("event:mrc-summit-3", "Hội nghị Cấp cao Ủy hội sông Mê Kông quốc tế lần thứ 3",
      "Hội nghị Cấp cao MRC lần thứ 3 | Hội nghị Cấp cao MRC 3 | 3rd MRC Summit",
      en="3rd Mekong River Commission Summit (Siem Reap)", parent="gpe:kh-siem-reap", country="KH",
      vf="2018-04-05", vt="2018-04-05", src="https://www.mrcmekong.org (MRC Summits)"),
    E("event:mrc-summit-4", "Hội nghị Cấp cao Ủy hội sông Mê Kông quốc tế lần thứ 4",
      "Hội nghị Cấp cao MRC lần thứ 4 | Hội nghị Cấp cao MRC 4 | 4th MRC Summit",
      en="4th Mekong River Commission Summit (Vientiane)", parent="gpe:la-vientiane", country="LA",
      vf="2023-04-05", vt="2023-04-05", src="https://www.mrcmekong.org (MRC Summits)"),
    E("event:p4g-2018", "Hội nghị Thượng đỉnh P4G Copenhagen 2018",
      "Hội nghị Thượng đỉnh P4G lần thứ nhất | Hội nghị Thượng đỉnh P4G 2018 | P4G Copenhagen Summit 2018",
      en="P4G Copenhagen Summit 2018", parent="gpe:dk-copenhagen", country="DK", vf="2018-10-19", vt="2018-10-20",
      src="https://p4gpartnerships.org"),
    E("event:p4g-2021", "Hội nghị Thượng đỉnh P4G Seoul 2021",
      "Hội nghị Thượng đỉnh P4G lần thứ 2 | Hội nghị Thượng đỉnh P4G lần thứ hai | Hội nghị Thượng đỉnh P4G 2021 | "
      "P4G Seoul Summit 2021",
      en="P4G Seoul Summit 2021", parent="gpe:kr-seoul", country="KR", vf="2021-05-30", vt="2021-05-31",
      src="https://p4gpartnerships.org"),
    E("event:p4g-2025", "Hội nghị Thượng đỉnh P4G Việt Nam 2025",
      "Hội nghị Thượng đỉnh P4G lần thứ 4 | Hội nghị Thượng đỉnh P4G lần thứ tư | Hội nghị Thượng đỉnh P4G 2025 | "
      "Hội nghị Thượng đỉnh P4G Hà Nội | Hội nghị Thượng đỉnh P4G năm 2025 | "
      "Hội nghị Thượng đỉnh Đối tác vì tăng trưởng xanh và Mục tiêu toàn cầu 2030 lần thứ 4 | "
      "Hội nghị Thượng đỉnh đối tác vì tăng trưởng xanh và mục tiêu toàn cầu P4G năm 2025 | P4G Vietnam Summit 2025",
      en="4th P4G Summit (Hanoi)", parent="gpe:vn-ha-noi", country="VN", vf="2025-04-16", vt="2025-04-17",
      src="https://p4gpartnerships.org"),
    E("event:unoc2", "Hội nghị Liên hợp quốc về Đại dương lần thứ 2",
      "UNOC2 | Hội nghị Đại dương Liên hợp quốc lần thứ 2 | Hội nghị Đại dương của Liên hợp quốc 2022 | "
      "UN Ocean Conference 2022",
      en="2022 UN Ocean Conference (Lisbon)", parent="gpe:pt-lisbon", country="PT", vf="2022-06-27", vt="2022-07-01",
      src="https://www.un.org/en/conferences/ocean2022"),
    E("event:unoc3", "Hội nghị Liên hợp quốc về Đại dương lần thứ 3",
      "UNOC3 | Hội nghị Đại dương Liên hợp quốc lần thứ 3 | Hội nghị Đại dương của Liên hợp quốc 2025 | "
      "UN Ocean Conference 2025",
      en="2025 UN Ocean Conference (Nice)", parent="gpe:fr-nice", country="FR", vf="2025-06-09", vt="2025-06-13",
      src="https://www.un.org/en/conferences/ocean2025"),
    E("event:climate-action-summit-2019", "Hội nghị Thượng đỉnh hành động khí hậu của Liên hợp quốc 2019",
      "Hội nghị Thượng đỉnh về Hành động khí hậu 2019 | Hội nghị Thượng đỉnh Hành động khí hậu của LHQ | "
      "UN Climate Action Summit 2019",
      en="UN Climate Action Summit 2019", parent="gpe:us-new-york", country="US", vf="2019-09-23", vt="2019-09-23",
      src="UN Climate Action Summit, New York, 2019-09-23; https://www.un.org/en/climatechange"),
    E("event:leaders-summit-climate-2021", "Hội nghị Thượng đỉnh các nhà lãnh đạo về khí hậu 2021",
      "Hội nghị Thượng đỉnh các nhà lãnh đạo về khí hậu | Hội nghị thượng đỉnh trực tuyến về khí hậu do Mỹ chủ trì | "
      "Leaders Summit on Climate",
      en="Leaders Summit on Climate (virtual, hosted by the United States)", parent="gpe:us-washington",
      country="US", vf="2021-04-22", vt="2021-04-23", src="Leaders Summit on Climate, 2021-04-22/23; https://www.state.gov"),
    E("event:earth-summit-1992", "Hội nghị Thượng đỉnh Trái Đất",
      "Hội nghị Thượng đỉnh Trái Đất 1992 | Hội nghị Liên hợp quốc về Môi trường và Phát triển | "
      "Hội nghị Rio 1992 | UNCED | Earth Summit",
      en="United Nations Conference on Environment and Development (Earth Summit)", acr="UNCED",
      parent="gpe:br-rio-de-janeiro", country="BR", vf="1992-06-03", vt="1992-06-14",
      src="https://www.un.org/en/conferences/environment/rio1992"),
    E("event:rio-plus-20", "Hội nghị Liên hợp quốc về Phát triển bền vững Rio+20",
      "Rio+20 | Hội nghị Rio+20 | Hội nghị Thượng đỉnh Rio+20 | United Nations Conference on Sustainable Development",
      en="United Nations Conference on Sustainable Development (Rio+20)", parent="gpe:br-rio-de-janeiro",
      country="BR", vf="2012-06-20", vt="2012-06-22", src="https://www.un.org/en/conferences/environment/rio2012"),
    E("event:wef-asean-2018", "Hội nghị Diễn đàn Kinh tế thế giới về ASEAN 2018",
      "WEF ASEAN 2018 | WEF-ASEAN 2018 | Diễn đàn Kinh tế thế giới về ASEAN 2018 | Hội nghị WEF ASEAN 2018 | "
      "World Economic Forum on ASEAN 2018",
      en="World Economic Forum on ASEAN 2018 (Hanoi)", parent="gpe:vn-ha-noi", country="VN", vf="2018-09-11",
      vt="2018-09-13", src="https://www.weforum.org/events/world-economic-forum-on-asean-2018"),
    E("event:wef-asean", "Diễn đàn Kinh tế thế giới về ASEAN",
      "WEF ASEAN | WEF-ASEAN | Hội nghị WEF ASEAN | World Economic Forum on ASEAN",
      en="World Economic Forum on ASEAN (recurring)", src="https://www.weforum.org"),
    E("event:wef-davos", "Hội nghị thường niên Diễn đàn Kinh tế thế giới",
      "Hội nghị WEF Davos | Diễn đàn Davos | WEF Davos | Hội nghị Davos | World Economic Forum Annual Meeting",
      en="World Economic Forum Annual Meeting, Davos (recurring)", parent="gpe:ch-davos", country="CH",
      src="https://www.weforum.org/events"),
    E("event:wef-summer-davos", "Hội nghị thường niên các nhà tiên phong",
      "Davos mùa Hè | WEF mùa Hè | Hội nghị WEF mùa Hè | Summer Davos | Annual Meeting of the New Champions",
      en="Annual Meeting of the New Champions (Summer Davos, recurring)", country="CN",
      src="https://www.weforum.org/events"),
    E("event:shangri-la-dialogue", "Đối thoại Shangri-La",
      "Shangri-La Dialogue | Diễn đàn Shangri-La | Đối thoại Shangri La | Hội nghị An ninh châu Á",
      en="Shangri-La Dialogue (IISS Asia Security Summit, recurring)", parent="gpe:sg", country="SG", vf="2002",
      src="https://www.iiss.org/events/shangri-la-dialogue/"),
    E("event:vdpf", "Diễn đàn Đối tác phát triển Việt Nam", "VDPF | Vietnam Development Partnership Forum",
      en="Vietnam Development Partnership Forum (recurring)", acr="VDPF", country="VN", src="https://www.mpi.gov.vn"),
    # ---------------------------------------------------------------- observances and campaigns
    E("event:world-environment-day", "Ngày Môi trường thế giới",
      "Ngày Môi trường Thế giới 5/6 | World Environment Day", en="World Environment Day (5 June)",
      src="https://www.worldenvironmentday.global"),
    E("event:earth-hour", "Giờ Trái Đất", "Chiến dịch Giờ Trái Đất | Earth Hour", en="Earth Hour",
      vf="2007-03-31", src="https://www.earthhour.org"),
    E("event:earth-day", "Ngày Trái Đất", "Ngày Trái Đất 22/4 | Earth Day", en="Earth Day (22 April)",
      vf="1970-04-22", src="https://www.earthday.org"),
    E("event:world-meteorological-day", "Ngày Khí tượng thế giới", "Ngày Khí tượng Thế giới 23/3 | World Meteorological Day",
      en="World Meteorological Day (23 March)", src="https://wmo.int/world-meteorological-day"),
    E("event:world-water-day", "Ngày Nước thế giới", "Ngày Nước Thế giới 22/3 | World Water Day",
      en="World Water Day (22 March)", src="https://www.unwater.org/our-work/world-water-day"),
    E("event:biodiversity-day", "Ngày Quốc tế Đa dạng sinh học",
      "Ngày Quốc tế về Đa dạng sinh học | Ngày Đa dạng sinh học thế giới | International Day for Biological Diversity",
      en="International Day for Biological Diversity (22 May)", src="https://www.cbd.int/idb"),
    E("event:world-oceans-day", "Ngày Đại dương thế giới", "Ngày Đại dương Thế giới 8/6 | World Oceans Day",
      en="World Oceans Day (8 June)", src="https://www.un.org/en/observances/oceans-day"),
    E("event:ozone-day", "Ngày Quốc tế bảo vệ tầng ô-dôn",
      "Ngày Quốc tế Bảo vệ tầng ozone | International Day for the Preservation of the Ozone Layer",
      en="International Day for the Preservation of the Ozone Layer (16 September)",
      src="https://www.un.org/en/observances/ozone-day"),
    E("event:drr-day", "Ngày Quốc tế giảm nhẹ rủi ro thiên tai",
      "Ngày Quốc tế Giảm nhẹ rủi ro thiên tai | International Day for Disaster Risk Reduction",
      en="International Day for Disaster Risk Reduction (13 October)", src="https://www.undrr.org/international-day-disaster-risk-reduction"),
    E("event:vn-sea-island-week", "Tuần lễ Biển và Hải đảo Việt Nam", "Tuần lễ Biển và Hải đảo",
      en="Viet Nam Sea and Islands Week (1-8 June)", country="VN", src="https://monre.gov.vn"),
    E("event:clean-up-the-world", "Chiến dịch Làm cho thế giới sạch hơn", "Clean Up the World",
      en="Clean Up the World campaign", src="https://en.wikipedia.org/wiki/Clean_Up_the_World"),
]

ROWS = cop_rows() + cmp_rows() + cma_rows() + amme_rows() + asean_summit_rows() + g7_g20_rows() + apec_rows() + OTHER
