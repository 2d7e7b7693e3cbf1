"""Hand-written PERSON data, part 1: Vietnamese office-holders.

Read by ``person_build.py`` (which writes ``gazetteers/person.csv`` and ``gazetteers/offices.csv``).
One ``P(...)`` per person; each ``O(...)`` is one tenure.  Dates are ISO (``YYYY-MM-DD``, or
``YYYY-MM`` / ``YYYY`` when that is all the source gives); an empty ``valid_to`` means still in
office at the time of writing (early 2026), an empty ``valid_from`` means the start is not known.
Office titles follow the full form news uses ("Bộ trưởng Bộ Tài nguyên và Môi trường"); the short
form ("Bộ trưởng Tài nguyên và Môi trường") is the same title without the second "Bộ".
"""

from __future__ import annotations

from person_model import O, P, vi

# ---------------------------------------------------------------- sources used several times
VI_PTT = vi("Danh_sách_Phó_Thủ_tướng_Việt_Nam")
VI_TTBBT = vi("Thường_trực_Ban_Bí_thư")
VI_TBT = vi("Tổng_Bí_thư_Ban_Chấp_hành_Trung_ương_Đảng_Cộng_sản_Việt_Nam")
VI_CTN = vi("Chủ_tịch_nước_Cộng_hòa_xã_hội_chủ_nghĩa_Việt_Nam")
VI_TT = vi("Thủ_tướng_Việt_Nam")
VI_CTQH = vi("Chủ_tịch_Quốc_hội_Việt_Nam")
VI_TNMT = vi("Bộ_Tài_nguyên_và_Môi_trường_(Việt_Nam)")
VI_KHCN = vi("Danh_sách_Bộ_trưởng_Khoa_học_và_Công_nghệ_Việt_Nam")
VI_GTVT = vi("Bộ_trưởng_Bộ_Giao_thông_Vận_tải_(Việt_Nam)")
VI_TDNG = vi("Thứ_trưởng_Bộ_Ngoại_giao_Việt_Nam")

# News items that fix dates (all looked up while writing this file)
N_2016_RELIEF = "http://cand.com.vn/Su-kien-Binh-luan-thoi-su/Thu-tuong-trinh-mien-nhiem-2-Pho-Thu-tuong-va-18-Bo-truong-388494"
N_2016_GOV = "https://moitruong.net.vn/sau-trong-tam-uu-tien-chi-dao-dieu-hanh-cua-bo-truong-bo-tnmt-tran-hong-ha/"
N_2021_RELIEF = "https://giadinh.suckhoedoisong.vn/mien-nhiem-pho-thu-tuong-trinh-dinh-dung-va-cac-thanh-vien-chinh-phu-172210407165517326.htm"
N_2021_GOV = "https://www.talkvietnam.org/2021/04/na-approves-appointment-of-12-new-ministers-govt-members/"
N_2021_PTT = "http://baoapbac.vn/english/politics/202104/na-approves-appointment-of-new-deputy-pms-ministers-cabinet-members-923146/"
N_2023_PTT = "https://theleader.vn/quoc-hoi-phe-chuan-2-pho-thu-tuong-moi-1672916765075.htm"
N_2023_MINH_DAM = "https://vov2.vov.vn/doi-song-xa-hoi/chinh-thuc-mien-nhiem-2-pho-thu-tuong-pham-binh-minh-va-vu-duc-dam-39750.vov2"
N_2023_KHANH = "https://fili.vn/2023/05/ong-dang-quoc-khanh-giu-chuc-bo-truong-bo-tai-nguyen-va-moi-truong-761-1073061.htm"
N_2024_LONG = "http://baocuuchienbinhvietnam.com.vn/untitled-2443/"
N_2024_AUG = "https://plo.vn/kien-toan-nhieu-chuc-danh-quan-trong-cua-bo-may-nha-nuoc-post807066.html"
N_2024_KHAI = "https://phapluatphattrien.vn/quoc-hoi-phe-chuan-mien-nhiem-chuc-vu-pho-thu-tuong-doi-voi-ong-le-minh-khai-d1069.html"
N_2024_HOA = "https://kienthuc.net.vn/xa-hoi/thu-truong-nguyen-thi-phuong-hoa-dieu-hanh-bo-tai-nguyen-va-moi-truong-2020172.html"
N_2024_NOV = "https://tracuuquyhoach.com/tin-tuc/quoc-hoi-phe-chuan-bo-nhiem-bo-truong-bo-tai-chinh-va-bo-truong-bo-gtvt-50846379"
N_2024_NOV_RELIEF = "https://lite.baomoi.com/trinh-quoc-hoi-mien-nhiem-bo-truong-bo-tai-chinh-bo-truong-bo-gtvt-c50837448.epi"
N_2025_FEB = "https://laodongthudo.vn/quoc-hoi-phe-chuan-chuc-vu-pho-thu-tuong-voi-ong-mai-van-chinh-va-ong-nguyen-chi-dung-184873.html"
N_2025_MAE = "https://giaoducthoidai.vn/ong-nguyen-ngoc-thach-lam-tan-tong-bien-tap-bao-nong-nghiep-va-moi-truong-post721407.html"
N_2025_MAE_EN = "https://vietnamnews.vn/environment/1693107/new-ministry-of-agriculture-and-environment-established-to-boost-efficiency.html"
N_2025_DUY = "https://en.mae.gov.vn/SMPT_Publishing_UC/KhaiThac/TinTuc/pInTinTuc.aspx?ItemID=8944"
N_2025_OCT_MIN = "https://znews.vn/quoc-hoi-phe-chuan-bo-nhiem-3-bo-truong-post1595753.html"
N_2025_OCT_PTT = "https://baonghean.vn/quoc-hoi-phe-chuan-2-pho-thu-tuong-chinh-phu-pham-thi-thanh-tra-ho-quoc-dung-10309018.html"
N_2025_TRUNG = "https://dantri.com.vn/xa-hoi/thu-tuong-giao-quyen-bo-truong-ngoai-giao-cho-ong-le-hoai-trung-20250828124921265.htm"
N_2025_TRUNG_BIO = "https://vnexpress.net/ong-le-hoai-trung-duoc-giao-quyen-bo-truong-ngoai-giao-4933319.html"
N_2025_MOFA_DEP = "https://dantri.com.vn/xa-hoi/thu-tuong-bo-nhiem-3-thu-truong-bo-ngoai-giao-20250228215706609.htm"
N_2025_MOIT = "https://vtcnews.vn/quyen-bo-truong-cong-thuong-cam-ket-bao-ve-quyen-loi-cua-nguoi-tieu-dung-ar994453.html"
N_2025_NGAN = "https://vnexpress.net/thu-truong-nong-nghiep-va-moi-truong-lam-pho-bi-thu-thuong-truc-tinh-lai-chau-4935966.html"
N_2025_CUONG = "https://tienphong.vn/bo-nong-nghiep-va-moi-truong-cong-bo-quyet-dinh-bo-nhiem-cuc-truong-post1806930.tpo"
N_2025_NGHI = "https://kienthuc.net.vn/ong-nguyen-thanh-nghi-lam-truong-ban-chinh-sach-chien-luoc-trung-uong-post1564515.html"
N_2025_DAT = "https://znews.vn/ong-huynh-thanh-dat-giu-chuc-pho-truong-ban-tuyen-giao-va-dan-van-tw-post1532065.html"
N_2026_TBT = "https://znews.vn/trung-uong-xiv-thong-nhat-tuyet-doi-bau-ong-to-lam-lam-tong-bi-thu-post1622256.html"
N_2026_TTBBT = "https://tienphong.vn/ong-tran-cam-tu-giu-chuc-thuong-truc-ban-bi-thu-post1815257.tpo"

MONRE, MAE, MARD, MOFA, MOIT, MPI, MOF = (
    "org:monre", "org:mae", "org:mard", "org:mofa-vn", "org:moit", "org:mpi", "org:mof")
GOV, NA, CPV = "org:government-vn", "org:national-assembly-vn", "org:cpv"

TBT, CTN, QCTN, PCTN = "Tổng Bí thư", "Chủ tịch nước", "Quyền Chủ tịch nước", "Phó Chủ tịch nước"
TT, PTT, PTTTT = "Thủ tướng", "Phó Thủ tướng", "Phó Thủ tướng Thường trực"
CTQH, TTBBT = "Chủ tịch Quốc hội", "Thường trực Ban Bí thư"
BT_TNMT, TT_TNMT = "Bộ trưởng Bộ Tài nguyên và Môi trường", "Thứ trưởng Bộ Tài nguyên và Môi trường"
BT_MAE, TT_MAE = "Bộ trưởng Bộ Nông nghiệp và Môi trường", "Thứ trưởng Bộ Nông nghiệp và Môi trường"
BT_MARD, TT_MARD = ("Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn",
                    "Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn")
BT_NG, TT_NG = "Bộ trưởng Bộ Ngoại giao", "Thứ trưởng Bộ Ngoại giao"
BT_CT, BT_KHDT, BT_TC = "Bộ trưởng Bộ Công Thương", "Bộ trưởng Bộ Kế hoạch và Đầu tư", "Bộ trưởng Bộ Tài chính"
BT_XD, BT_GTVT, BT_KHCN = ("Bộ trưởng Bộ Xây dựng", "Bộ trưởng Bộ Giao thông vận tải",
                           "Bộ trưởng Bộ Khoa học và Công nghệ")
END_MONRE = "2025-02-28"   # last day of MONRE and MARD (merged into MAE, NQ 176/2025/QH15)
START_MAE = "2025-03-01"

PEOPLE_VN = [
    # ------------------------------------------------------------------ top leaders
    P("nong-duc-manh", "Nông Đức Mạnh", english="Nong Duc Manh", country="VN",
      source=vi("Nông_Đức_Mạnh"), offices=[O(TBT, CPV, "VN", "2001-04-22", "2011-01-19", VI_TBT)]),
    P("nguyen-phu-trong", "Nguyễn Phú Trọng", english="Nguyen Phu Trong", country="VN",
      source=vi("Nguyễn_Phú_Trọng"), offices=[
          O(CTQH, NA, "VN", "2006-06-26", "2011-07-23", VI_CTQH),
          O(TBT, CPV, "VN", "2011-01-19", "2024-07-19", VI_TBT),
          O(CTN, "", "VN", "2018-10-23", "2021-04-05", VI_CTN)]),
    P("to-lam", "Tô Lâm", english="To Lam", country="VN", source=vi("Tô_Lâm"), offices=[
        O(CTN, "", "VN", "2024-05-22", "2024-10-21", VI_CTN),
        O(TBT, CPV, "VN", "2024-08-03", "", N_2026_TBT)]),
    P("nguyen-minh-triet", "Nguyễn Minh Triết", english="Nguyen Minh Triet", country="VN",
      source=vi("Nguyễn_Minh_Triết"), offices=[O(CTN, "", "VN", "2006-06-27", "2011-07-25", VI_CTN)]),
    P("truong-tan-sang", "Trương Tấn Sang", english="Truong Tan Sang", country="VN",
      source=vi("Trương_Tấn_Sang"), offices=[
          O(TTBBT, CPV, "VN", "2006-04", "2011-07", VI_TTBBT),
          O(CTN, "", "VN", "2011-07-25", "2016-04-02", VI_CTN)]),
    P("tran-dai-quang", "Trần Đại Quang", english="Tran Dai Quang", country="VN",
      source=vi("Trần_Đại_Quang"), offices=[O(CTN, "", "VN", "2016-04-02", "2018-09-21", VI_CTN)]),
    P("dang-thi-ngoc-thinh", "Đặng Thị Ngọc Thịnh", english="Dang Thi Ngoc Thinh", country="VN",
      source=vi("Đặng_Thị_Ngọc_Thịnh"), offices=[
          O(PCTN, "", "VN", "2016-04-08", "2021-04-05", vi("Đặng_Thị_Ngọc_Thịnh")),
          O(QCTN, "", "VN", "2018-09-21", "2018-10-23", VI_CTN)]),
    P("nguyen-xuan-phuc", "Nguyễn Xuân Phúc", english="Nguyen Xuan Phuc", country="VN",
      source=vi("Nguyễn_Xuân_Phúc"), offices=[
          O(PTT, GOV, "VN", "2011-08-03", "2016-04-07", VI_PTT),
          O(TT, GOV, "VN", "2016-04-07", "2021-04-05", VI_TT),
          O(CTN, "", "VN", "2021-04-05", "2023-01-18", VI_CTN)]),
    P("vo-thi-anh-xuan", "Võ Thị Ánh Xuân", english="Vo Thi Anh Xuan", country="VN",
      source=vi("Võ_Thị_Ánh_Xuân"), offices=[
          O(PCTN, "", "VN", "2021-04-06", "", vi("Võ_Thị_Ánh_Xuân")),
          O(QCTN, "", "VN", "2023-01-18", "2023-03-02", VI_CTN),
          O(QCTN, "", "VN", "2024-03-21", "2024-05-22", VI_CTN)]),
    P("vo-van-thuong", "Võ Văn Thưởng", english="Vo Van Thuong", country="VN",
      source=vi("Võ_Văn_Thưởng"), offices=[
          O(TTBBT, CPV, "VN", "2021-02-05", "2023-03-06",
            "https://theleader.vn/ong-vo-van-thuong-giu-chuc-thuong-truc-ban-bi-thu-khoa-xiii-1612670117365.htm"),
          O(CTN, "", "VN", "2023-03-02", "2024-03-21", VI_CTN)]),
    P("luong-cuong", "Lương Cường", english="Luong Cuong", country="VN", source=vi("Lương_Cường"),
      offices=[O(TTBBT, CPV, "VN", "2024-05-16", "2024-10-25", VI_TTBBT),
               O(CTN, "", "VN", "2024-10-21", "", VI_CTN)]),
    P("nguyen-tan-dung", "Nguyễn Tấn Dũng", english="Nguyen Tan Dung", country="VN",
      source=vi("Nguyễn_Tấn_Dũng"), offices=[O(TT, GOV, "VN", "2006-06-27", "2016-04-06", VI_TT)]),
    P("pham-minh-chinh", "Phạm Minh Chính", english="Pham Minh Chinh", country="VN",
      source=vi("Phạm_Minh_Chính"), offices=[O(TT, GOV, "VN", "2021-04-05", "", VI_TT)]),
    P("nguyen-sinh-hung", "Nguyễn Sinh Hùng", english="Nguyen Sinh Hung", country="VN",
      source=vi("Nguyễn_Sinh_Hùng"), offices=[
          O(PTT, GOV, "VN", "2006-06-28", "2011-07", VI_PTT),
          O(CTQH, NA, "VN", "2011-07-23", "2016-03-31", VI_CTQH)]),
    P("nguyen-thi-kim-ngan", "Nguyễn Thị Kim Ngân", english="Nguyen Thi Kim Ngan", country="VN",
      source=vi("Nguyễn_Thị_Kim_Ngân"), offices=[O(CTQH, NA, "VN", "2016-03-31", "2021-03-31", VI_CTQH)]),
    P("vuong-dinh-hue", "Vương Đình Huệ", english="Vuong Dinh Hue", country="VN",
      source=vi("Vương_Đình_Huệ"), offices=[
          O(BT_TC, MOF, "VN", "2011-08-03", "2013-05-23",
            "http://tamlongvang.laodong.com.vn/quoc-hoi/ong-dinh-tien-dung-duoc-gioi-thieu-giu-chuc-bo-truong-bo-tai-chinh-117593.bld"),
          O(PTT, GOV, "VN", "2016-04-09", "2020", VI_PTT),
          O(CTQH, NA, "VN", "2021-03-31", "2024-05-02", VI_CTQH)]),
    P("tran-thanh-man", "Trần Thanh Mẫn", english="Tran Thanh Man", country="VN",
      source=vi("Trần_Thanh_Mẫn"), offices=[O(CTQH, NA, "VN", "2024-05-20", "", VI_CTQH)]),
    P("le-hong-anh", "Lê Hồng Anh", english="Le Hong Anh", country="VN", source=vi("Lê_Hồng_Anh"),
      offices=[O(TTBBT, CPV, "VN", "2011-08", "2016-02", VI_TTBBT)]),
    P("dinh-the-huynh", "Đinh Thế Huynh", english="Dinh The Huynh", country="VN",
      source=vi("Đinh_Thế_Huynh"), offices=[
          O(TTBBT, CPV, "VN", "2016-02", "2018-03-02",
            "https://vneconomy.vn/ong-tran-quoc-vuong-thay-ong-dinh-the-huynh-lam-thuong-truc-ban-bi-thu.htm")]),
    P("tran-quoc-vuong", "Trần Quốc Vượng", english="Tran Quoc Vuong", country="VN",
      source=vi("Trần_Quốc_Vượng"), offices=[
          O(TTBBT, CPV, "VN", "2018-03-02", "2021-02-05",
            "https://vneconomy.vn/ong-tran-quoc-vuong-thay-ong-dinh-the-huynh-lam-thuong-truc-ban-bi-thu.htm")]),
    P("truong-thi-mai", "Trương Thị Mai", english="Truong Thi Mai", country="VN",
      source=vi("Trương_Thị_Mai"), offices=[O(TTBBT, CPV, "VN", "2023-03-06", "2024-05-16", vi("Trương_Thị_Mai"))]),
    P("tran-cam-tu", "Trần Cẩm Tú", english="Tran Cam Tu", country="VN", source=vi("Trần_Cẩm_Tú"),
      offices=[O(TTBBT, CPV, "VN", "2024-10-25", "", N_2026_TTBBT)]),
    # ------------------------------------------------------------------ deputy prime ministers
    P("hoang-trung-hai", "Hoàng Trung Hải", english="Hoang Trung Hai", country="VN",
      source=vi("Hoàng_Trung_Hải"), offices=[O(PTT, GOV, "VN", "2007-08-02", "2016-04-08", N_2016_RELIEF)]),
    P("truong-vinh-trong", "Trương Vĩnh Trọng", english="Truong Vinh Trong", country="VN",
      source=vi("Trương_Vĩnh_Trọng"), offices=[O(PTT, GOV, "VN", "2002", "2011-08-03", VI_PTT)]),
    P("nguyen-thien-nhan", "Nguyễn Thiện Nhân", english="Nguyen Thien Nhan", country="VN",
      source=vi("Nguyễn_Thiện_Nhân"), offices=[O(PTT, GOV, "VN", "2007-08-02", "2013", VI_PTT)]),
    P("vu-van-ninh", "Vũ Văn Ninh", english="Vu Van Ninh", country="VN", source=vi("Vũ_Văn_Ninh"),
      offices=[O(BT_TC, MOF, "VN", "2006", "2011-08-03", vi("Vũ_Văn_Ninh")),
               O(PTT, GOV, "VN", "2013-11-13", "2016-04-08", N_2016_RELIEF)]),
    P("vu-duc-dam", "Vũ Đức Đam", english="Vu Duc Dam", country="VN", source=vi("Vũ_Đức_Đam"),
      offices=[O(PTT, GOV, "VN", "2013-11-13", "2023-01-05", N_2023_MINH_DAM)]),
    P("pham-binh-minh", "Phạm Bình Minh", english="Pham Binh Minh", country="VN",
      source=vi("Phạm_Bình_Minh"), offices=[
          O(BT_NG, MOFA, "VN", "2011-08-03", "2021-04-07", N_2021_RELIEF),
          O(PTT, GOV, "VN", "2013-11-13", "2023-01-05", N_2023_MINH_DAM),
          O(PTTTT, GOV, "VN", "2021-07", "2023-01-05",
            "https://vietnamnet.vn/cac-ong-pham-binh-minh-le-minh-chuan-thoi-lam-dai-bieu-quoc-hoi-2097928.html")]),
    P("truong-hoa-binh", "Trương Hòa Bình", english="Truong Hoa Binh", country="VN",
      source=vi("Trương_Hòa_Bình"), offices=[
          O(PTT, GOV, "VN", "2016-04-09", "2021-07", VI_PTT),
          O(PTTTT, GOV, "VN", "2016-04-09", "2021-07", VI_PTT)]),
    P("trinh-dinh-dung", "Trịnh Đình Dũng", english="Trinh Dinh Dung", country="VN",
      source=vi("Trịnh_Đình_Dũng"), offices=[
          O(BT_XD, "", "VN", "2011-08-03", "2016-04-08", N_2016_RELIEF),
          O(PTT, GOV, "VN", "2016-04-09", "2021-04-07", N_2021_RELIEF)]),
    P("le-minh-khai", "Lê Minh Khái", english="Le Minh Khai", country="VN", source=vi("Lê_Minh_Khái"),
      offices=[O(PTT, GOV, "VN", "2021-04-08", "2024-08-26", N_2024_KHAI)]),
    P("le-van-thanh", "Lê Văn Thành", english="Le Van Thanh", country="VN", source=vi("Lê_Văn_Thành"),
      offices=[O(PTT, GOV, "VN", "2021-04-08", "2023-06-20", N_2021_PTT)]),
    P("tran-hong-ha", "Trần Hồng Hà", english="Tran Hong Ha", country="VN", source=vi("Trần_Hồng_Hà"),
      offices=[
          O(TT_TNMT, MONRE, "VN", "2010-07", "2016-04-09", N_2023_PTT),
          O(BT_TNMT, MONRE, "VN", "2016-04-09", "2023-05-22", N_2023_KHANH),
          O(PTT, GOV, "VN", "2023-01-05", "", N_2023_PTT)]),
    P("tran-luu-quang", "Trần Lưu Quang", english="Tran Luu Quang", country="VN",
      source=vi("Trần_Lưu_Quang"), offices=[O(PTT, GOV, "VN", "2023-01-05", "2024-08", N_2023_PTT)]),
    P("le-thanh-long", "Lê Thành Long", english="Le Thanh Long", country="VN", source=vi("Lê_Thành_Long"),
      offices=[O(PTT, GOV, "VN", "2024-06-06", "", N_2024_LONG)]),
    P("nguyen-hoa-binh", "Nguyễn Hòa Bình", english="Nguyen Hoa Binh", country="VN",
      source=vi("Nguyễn_Hòa_Bình"), offices=[
          O(PTT, GOV, "VN", "2024-08-26", "", N_2024_AUG),
          O(PTTTT, GOV, "VN", "2024-08-26", "", N_2025_OCT_PTT)]),
    P("ho-duc-phoc", "Hồ Đức Phớc", english="Ho Duc Phoc", country="VN", source=vi("Hồ_Đức_Phớc"),
      offices=[O(BT_TC, MOF, "VN", "2021-04-08", "2024-11", N_2024_NOV_RELIEF),
               O(PTT, GOV, "VN", "2024-08-26", "", N_2024_AUG)]),
    P("bui-thanh-son", "Bùi Thanh Sơn", english="Bui Thanh Son", country="VN", source=vi("Bùi_Thanh_Sơn"),
      offices=[O(TT_NG, MOFA, "VN", "", "2021-04-08", N_2021_GOV),
               O(BT_NG, MOFA, "VN", "2021-04-08", "2025-08-29", N_2025_TRUNG),
               O(PTT, GOV, "VN", "2024-08-26", "", N_2024_AUG)]),
    P("nguyen-chi-dung", "Nguyễn Chí Dũng", english="Nguyen Chi Dung", country="VN",
      source=vi("Nguyễn_Chí_Dũng"), offices=[
          O(BT_KHDT, MPI, "VN", "2016-04-09", "2025-02-18", N_2016_GOV),
          O(PTT, GOV, "VN", "2025-02-18", "", N_2025_FEB)]),
    P("mai-van-chinh", "Mai Văn Chính", english="Mai Van Chinh", country="VN", source=vi("Mai_Văn_Chính"),
      offices=[O(PTT, GOV, "VN", "2025-02-18", "", N_2025_FEB)]),
    P("pham-thi-thanh-tra", "Phạm Thị Thanh Trà", english="Pham Thi Thanh Tra", country="VN",
      source=vi("Phạm_Thị_Thanh_Trà"), offices=[O(PTT, GOV, "VN", "2025-10-25", "", N_2025_OCT_PTT)]),
    P("ho-quoc-dung", "Hồ Quốc Dũng", english="Ho Quoc Dung", country="VN", source=vi("Hồ_Quốc_Dũng"),
      offices=[O(PTT, GOV, "VN", "2025-10-25", "", N_2025_OCT_PTT)]),
    # ------------------------------------------------------------------ MONRE / MAE ministers
    P("pham-khoi-nguyen", "Phạm Khôi Nguyên", english="Pham Khoi Nguyen", country="VN",
      source=vi("Phạm_Khôi_Nguyên"), offices=[O(BT_TNMT, MONRE, "VN", "2007-08-02", "2011-08-03", VI_TNMT)]),
    P("nguyen-minh-quang", "Nguyễn Minh Quang", english="Nguyen Minh Quang", country="VN",
      source=vi("Nguyễn_Minh_Quang"), offices=[O(BT_TNMT, MONRE, "VN", "2011-08-03", "2016-04-08", N_2016_RELIEF)]),
    P("dang-quoc-khanh", "Đặng Quốc Khánh", english="Dang Quoc Khanh", country="VN",
      source=vi("Đặng_Quốc_Khánh"), offices=[O(BT_TNMT, MONRE, "VN", "2023-05-22", "2024-08", N_2024_HOA)]),
    P("do-duc-duy", "Đỗ Đức Duy", english="Do Duc Duy", country="VN", source=vi("Đỗ_Đức_Duy"),
      offices=[O(BT_TNMT, MONRE, "VN", "2024-08-26", END_MONRE, N_2024_AUG),
               O(BT_MAE, MAE, "VN", START_MAE, "2025-07-17", N_2025_DUY)]),
    P("tran-duc-thang", "Trần Đức Thắng", english="Tran Duc Thang", country="VN",
      source="https://thanhnien.vn/ong-tran-duc-thang-lam-bo-truong-nong-nghiep-moi-truong-185251025114133546.htm",
      offices=[O("Quyền Bộ trưởng Bộ Nông nghiệp và Môi trường", MAE, "VN", "2025-07-17", "2025-10-25", N_2025_DUY),
               O(BT_MAE, MAE, "VN", "2025-10-25", "", N_2025_OCT_MIN)]),
    # ------------------------------------------------------------------ MONRE / MAE deputy ministers
    P("nguyen-thi-phuong-hoa", "Nguyễn Thị Phương Hoa", english="Nguyen Thi Phuong Hoa", country="VN",
      source=N_2024_HOA, offices=[
          O(TT_TNMT, MONRE, "VN", "2015-01", END_MONRE, N_2024_HOA),
          O(TT_MAE, MAE, "VN", START_MAE, "", N_2025_MAE)]),
    P("le-minh-ngan", "Lê Minh Ngân", english="Le Minh Ngan", country="VN", source=N_2025_NGAN, offices=[
        O(TT_TNMT, MONRE, "VN", "2020-02", END_MONRE, N_2025_NGAN),
        O(TT_MAE, MAE, "VN", START_MAE, "2025-09-06", N_2025_NGAN)]),
    P("le-cong-thanh", "Lê Công Thành", english="Le Cong Thanh", country="VN", source=N_2025_MAE, offices=[
        O(TT_TNMT, MONRE, "VN", "", END_MONRE,
          "https://baotainguyenmoitruong.vn/bo-nhiem-hai-vi-tri-lanh-dao-quan-trong-cua-nganh-khi-tuong-thuy-van-315857.html"),
        O(TT_MAE, MAE, "VN", START_MAE, "", N_2025_MAE)]),
    P("tran-quy-kien", "Trần Quý Kiên", english="Tran Quy Kien", country="VN", source=N_2025_MAE, offices=[
        O(TT_TNMT, MONRE, "VN", "", END_MONRE, N_2025_MAE),
        O(TT_MAE, MAE, "VN", START_MAE, "", N_2025_MAE)]),
    # Võ Tuấn Nhân: Deputy Minister of MONRE (in office 2016–2023 per MONRE news; retired before the
    # 2025 merger, exact dates not found) – kept as a PERSON without a tenure row.
    P("vo-tuan-nhan", "Võ Tuấn Nhân", english="Vo Tuan Nhan", country="VN",
      source="https://giaoducthudo.giaoducthoidai.vn/hai-thu-truong-ptag.html"),
    P("vu-manh-ha", "Vũ Mạnh Hà", english="Vu Manh Ha", country="VN", source=N_2025_NGAN, offices=[
        O("Thứ trưởng Thường trực Bộ Nông nghiệp và Môi trường", MAE, "VN", "2025-09-03", "", N_2025_NGAN)]),
    P("nguyen-hoang-hiep", "Nguyễn Hoàng Hiệp", english="Nguyen Hoang Hiep", country="VN", source=N_2025_MAE,
      offices=[O(TT_MARD, MARD, "VN", "", END_MONRE, N_2025_MAE), O(TT_MAE, MAE, "VN", START_MAE, "", N_2025_MAE)]),
    P("phung-duc-tien", "Phùng Đức Tiến", english="Phung Duc Tien", country="VN", source=N_2025_MAE,
      offices=[O(TT_MARD, MARD, "VN", "", END_MONRE, N_2025_MAE), O(TT_MAE, MAE, "VN", START_MAE, "", N_2025_MAE)]),
    P("tran-thanh-nam", "Trần Thanh Nam", english="Tran Thanh Nam", country="VN", source=N_2025_MAE,
      offices=[O(TT_MARD, MARD, "VN", "", END_MONRE, N_2025_MAE), O(TT_MAE, MAE, "VN", START_MAE, "", N_2025_MAE)]),
    P("nguyen-quoc-tri", "Nguyễn Quốc Trị", english="Nguyen Quoc Tri", country="VN", source=N_2025_MAE,
      offices=[O(TT_MARD, MARD, "VN", "", END_MONRE, N_2025_MAE), O(TT_MAE, MAE, "VN", START_MAE, "", N_2025_MAE)]),
    P("hoang-trung", "Hoàng Trung", english="Hoang Trung", country="VN", source=N_2025_MAE,
      offices=[O(TT_MARD, MARD, "VN", "", END_MONRE, N_2025_MAE), O(TT_MAE, MAE, "VN", START_MAE, "", N_2025_MAE)]),
    P("vo-van-hung", "Võ Văn Hưng", english="Vo Van Hung", country="VN", source=N_2025_MAE,
      offices=[O(TT_MARD, MARD, "VN", "", END_MONRE, N_2025_MAE), O(TT_MAE, MAE, "VN", START_MAE, "", N_2025_MAE)]),
    # ------------------------------------------------------------------ MONRE departments
    P("tang-the-cuong", "Tăng Thế Cường", english="Tang The Cuong", country="VN", source=N_2025_CUONG, offices=[
        O("Cục trưởng Cục Biến đổi khí hậu", "", "VN", "", "2025-12-22", N_2025_CUONG),
        O("Cục trưởng Cục Môi trường", "", "VN", "2025-12-22", "", N_2025_CUONG)]),
    P("tran-hong-thai", "Trần Hồng Thái", english="Tran Hong Thai", country="VN",
      source="https://tuoitre.vn/ong-tran-hong-thai-lam-pho-bi-thu-tinh-uy-lam-dong-2024082309042561.htm",
      offices=[
          O("Tổng cục trưởng Tổng cục Khí tượng Thủy văn", "", "VN", "2019-03", "2023-10-12",
            "https://tuoitre.vn/ong-tran-hong-thai-lam-pho-bi-thu-tinh-uy-lam-dong-2024082309042561.htm"),
          O("Thứ trưởng Bộ Khoa học và Công nghệ", "", "VN", "2023-10-12", "2024-08-23",
            "https://vietnam.vn/fr/tong-cuc-truong-khi-tuong-thuy-van-lam-thu-truong-bo-khoa-hoc-va-cong-nghe")]),
    # Hoàng Đức Cường: head of the national hydro-meteorological service in recent years; tenure dates
    # not verified, so no tenure row.
    P("hoang-duc-cuong", "Hoàng Đức Cường", english="Hoang Duc Cuong", country="VN",
      source="https://kttv.gov.vn"),
    # ------------------------------------------------------------------ MARD ministers
    P("cao-duc-phat", "Cao Đức Phát", english="Cao Duc Phat", country="VN", source=vi("Cao_Đức_Phát"),
      offices=[O(BT_MARD, MARD, "VN", "2004-06", "2016-04-08", N_2016_RELIEF)]),
    P("nguyen-xuan-cuong", "Nguyễn Xuân Cường", english="Nguyen Xuan Cuong", country="VN",
      source=vi("Nguyễn_Xuân_Cường"), offices=[
          O(BT_MARD, MARD, "VN", "2016-04-09", "2021-04-07", N_2021_RELIEF)]),
    P("le-minh-hoan", "Lê Minh Hoan", english="Le Minh Hoan", country="VN", source=vi("Lê_Minh_Hoan"),
      offices=[O(BT_MARD, MARD, "VN", "2021-04-08", "2025-02", N_2021_GOV)]),
    # ------------------------------------------------------------------ Foreign affairs
    P("pham-gia-khiem", "Phạm Gia Khiêm", english="Pham Gia Khiem", country="VN", source=vi("Phạm_Gia_Khiêm"),
      offices=[O(BT_NG, MOFA, "VN", "2006-06-28", "2011-08-03", vi("Phạm_Gia_Khiêm"))]),
    P("le-hoai-trung", "Lê Hoài Trung", english="Le Hoai Trung", country="VN", source=N_2025_TRUNG_BIO, offices=[
        O(TT_NG, MOFA, "VN", "2010-12", "2011-07", N_2025_TRUNG_BIO),
        O(TT_NG, MOFA, "VN", "2014-10", "2021-03", N_2025_TRUNG_BIO),
        O("Quyền Bộ trưởng Bộ Ngoại giao", MOFA, "VN", "2025-08-29", "2025-10-25", N_2025_TRUNG),
        O(BT_NG, MOFA, "VN", "2025-10-25", "", N_2025_OCT_MIN)]),
    P("dang-hoang-giang", "Đặng Hoàng Giang", english="Dang Hoang Giang", country="VN", source=N_2025_TRUNG,
      offices=[O(TT_NG, MOFA, "VN", "2021-03", "2022-01",
                 "https://fr.vietnamplus.vn/dang-hoang-giang-devient-representant-permanent-du-vietnam-a-lonu/177782.vnp")]),
    P("nguyen-manh-cuong", "Nguyễn Mạnh Cường", english="Nguyen Manh Cuong", country="VN", source=N_2025_MOFA_DEP,
      offices=[O(TT_NG, MOFA, "VN", "2025-02-28", "", N_2025_MOFA_DEP)]),
    P("ngo-le-van", "Ngô Lê Văn", english="Ngo Le Van", country="VN", source=N_2025_MOFA_DEP,
      offices=[O(TT_NG, MOFA, "VN", "2025-02-28", "", N_2025_MOFA_DEP)]),
    P("le-anh-tuan", "Lê Anh Tuấn", english="Le Anh Tuan", country="VN", source=N_2025_MOFA_DEP,
      offices=[O(TT_NG, MOFA, "VN", "2025-02-28", "", N_2025_MOFA_DEP)]),
    # In office as Deputy Foreign Ministers in 2025 (start dates not verified):
    P("nguyen-minh-vu", "Nguyễn Minh Vũ", english="Nguyen Minh Vu", country="VN", source=N_2025_TRUNG,
      offices=[O(TT_NG, MOFA, "VN", "", "", N_2025_TRUNG)]),
    P("le-thi-thu-hang", "Lê Thị Thu Hằng", english="Le Thi Thu Hang", country="VN", source=N_2025_TRUNG,
      offices=[O(TT_NG, MOFA, "VN", "", "", N_2025_TRUNG)]),
    P("nguyen-minh-hang", "Nguyễn Minh Hằng", english="Nguyen Minh Hang", country="VN", source=N_2025_TRUNG,
      offices=[O(TT_NG, MOFA, "VN", "", "", N_2025_TRUNG)]),
    # Former deputy foreign ministers whose end dates were not found: PERSON rows only.
    P("ha-kim-ngoc", "Hà Kim Ngọc", english="Ha Kim Ngoc", country="VN",
      source="https://nld.com.vn/thoi-su-trong-nuoc/thu-tuong-bo-nhiem-3-thu-truong-moi-20130527073253801.htm"),
    P("dang-dinh-quy", "Đặng Đình Quý", english="Dang Dinh Quy", country="VN",
      source="https://voh.com.vn/chinh-tri-xa-hoi/bo-nhiem-vien-truong-vien-bien-dong-lam-thu-truong-bo-ngoai-giao-194180.html"),
    P("dang-minh-khoi", "Đặng Minh Khôi", english="Dang Minh Khoi", country="VN",
      source="https://giaoducthoidai.vn/bo-nhiem-2-thu-truong-ngoai-giao-moi-post253783.html"),
    P("vu-hong-nam", "Vũ Hồng Nam", english="Vu Hong Nam", country="VN",
      source="https://giaoducthoidai.vn/bo-nhiem-2-thu-truong-ngoai-giao-moi-post253783.html"),
    P("do-hung-viet", "Đỗ Hùng Việt", english="Do Hung Viet", country="VN", source=VI_TDNG),
    # ------------------------------------------------------------------ Industry and Trade
    P("vu-huy-hoang", "Vũ Huy Hoàng", english="Vu Huy Hoang", country="VN", source=vi("Vũ_Huy_Hoàng"),
      offices=[O(BT_CT, MOIT, "VN", "2007-08-02", "2016-04-08", N_2016_RELIEF)]),
    P("tran-tuan-anh", "Trần Tuấn Anh", english="Tran Tuan Anh", country="VN", source=vi("Trần_Tuấn_Anh"),
      offices=[O(BT_CT, MOIT, "VN", "2016-04-09", "2021-04-07", N_2021_RELIEF)]),
    P("nguyen-hong-dien", "Nguyễn Hồng Diên", english="Nguyen Hong Dien", country="VN",
      source=vi("Nguyễn_Hồng_Diên"), offices=[O(BT_CT, MOIT, "VN", "2021-04-08", "2025-12-20", N_2025_MOIT)]),
    P("le-manh-hung", "Lê Mạnh Hùng", english="Le Manh Hung", country="VN",
      source="https://nld.com.vn/ong-le-manh-hung-giu-chuc-quyen-bo-truong-cong-thuong-196251222221835038.htm",
      offices=[O("Quyền Bộ trưởng Bộ Công Thương", MOIT, "VN", "2025-12-20", "",
                 "https://nld.com.vn/ong-le-manh-hung-giu-chuc-quyen-bo-truong-cong-thuong-196251222221835038.htm")]),
    # ------------------------------------------------------------------ Planning and Investment, Finance
    P("vo-hong-phuc", "Võ Hồng Phúc", english="Vo Hong Phuc", country="VN", source=vi("Võ_Hồng_Phúc"),
      offices=[O(BT_KHDT, MPI, "VN", "2002", "2011-08-03", vi("Võ_Hồng_Phúc"))]),
    P("bui-quang-vinh", "Bùi Quang Vinh", english="Bui Quang Vinh", country="VN", source=vi("Bùi_Quang_Vinh"),
      offices=[O(BT_KHDT, MPI, "VN", "2011-08-03", "2016-04-08", N_2016_RELIEF)]),
    P("dinh-tien-dung", "Đinh Tiến Dũng", english="Dinh Tien Dung", country="VN", source=vi("Đinh_Tiến_Dũng"),
      offices=[O(BT_TC, MOF, "VN", "2013-05-24", "2021-04-07",
                 "https://dantri.com.vn/xa-hoi/ong-dinh-tien-dung-lam-bo-truong-tai-chinh-1369810745.htm")]),
    P("nguyen-van-thang", "Nguyễn Văn Thắng", english="Nguyen Van Thang", country="VN",
      source=vi("Nguyễn_Văn_Thắng_(chính_khách)"), offices=[
          O(BT_GTVT, "", "VN", "2022-10-21", "2024-11", VI_GTVT),
          O(BT_TC, MOF, "VN", "2024-11", "", N_2024_NOV)]),
    # ------------------------------------------------------------------ Construction, Transport
    P("nguyen-hong-quan", "Nguyễn Hồng Quân", english="Nguyen Hong Quan", country="VN",
      source=vi("Nguyễn_Hồng_Quân"), offices=[O(BT_XD, "", "VN", "2006", "2011-08-03", vi("Nguyễn_Hồng_Quân"))]),
    P("pham-hong-ha", "Phạm Hồng Hà", english="Pham Hong Ha", country="VN", source=vi("Phạm_Hồng_Hà"),
      offices=[O(BT_XD, "", "VN", "2016-04-09", "2021-04-07", N_2021_RELIEF)]),
    P("nguyen-thanh-nghi", "Nguyễn Thanh Nghị", english="Nguyen Thanh Nghi", country="VN",
      source=vi("Nguyễn_Thanh_Nghị"), offices=[O(BT_XD, "", "VN", "2021-04-08", "2025-01", N_2025_NGHI)]),
    P("tran-hong-minh", "Trần Hồng Minh", english="Tran Hong Minh", country="VN", source=vi("Trần_Hồng_Minh"),
      offices=[O(BT_GTVT, "", "VN", "2024-11", "2025-02-18", N_2024_NOV),
               O(BT_XD, "", "VN", "2025-02-18", "", N_2025_FEB)]),
    P("ho-nghia-dung", "Hồ Nghĩa Dũng", english="Ho Nghia Dung", country="VN", source=vi("Hồ_Nghĩa_Dũng"),
      offices=[O(BT_GTVT, "", "VN", "2006", "2011-08-03", VI_GTVT)]),
    P("dinh-la-thang", "Đinh La Thăng", english="Dinh La Thang", country="VN", source=vi("Đinh_La_Thăng"),
      offices=[O(BT_GTVT, "", "VN", "2011-08-03", "2016-04-08", VI_GTVT)]),
    P("truong-quang-nghia", "Trương Quang Nghĩa", english="Truong Quang Nghia", country="VN",
      source=vi("Trương_Quang_Nghĩa"), offices=[
          O(BT_GTVT, "", "VN", "2016-04-09", "2017-10", "http://qpvn.vn/tin-video/thu-tuong-gioi-thieu-hai-thanh-vien-chinh-phu-moi.html")]),
    P("nguyen-van-the", "Nguyễn Văn Thể", english="Nguyen Van The", country="VN", source=vi("Nguyễn_Văn_Thể"),
      offices=[O(BT_GTVT, "", "VN", "2017-10", "2022-10-21",
                 "https://taichinhvietnam.net.vn/ong-nguyen-van-the-thoi-chuc-bo-truong-bo-giao-thong-van-tai-d11204.html")]),
    # ------------------------------------------------------------------ Science and Technology
    P("nguyen-quan", "Nguyễn Quân", english="Nguyen Quan", country="VN", source=VI_KHCN,
      offices=[O(BT_KHCN, "", "VN", "2011-08-03", "2016-04-08", VI_KHCN)]),
    P("hoang-van-phong", "Hoàng Văn Phong", english="Hoang Van Phong", country="VN",
      source="https://tiasang.com.vn/tin-tuc/ong-hoang-van-phong-lam-phai-vien-tu-van-cho-thu-tuong-ve-khcn-4556/",
      offices=[O(BT_KHCN, "", "VN", "2002", "2011-08-03",
                 "https://tiasang.com.vn/tin-tuc/ong-hoang-van-phong-lam-phai-vien-tu-van-cho-thu-tuong-ve-khcn-4556/")]),
    P("chu-ngoc-anh", "Chu Ngọc Anh", english="Chu Ngoc Anh", country="VN", source=vi("Chu_Ngọc_Anh"),
      offices=[O(BT_KHCN, "", "VN", "2016-04-09", "2020-11-11",
                 "https://thanhnien.vn/giam-doc-dh-quoc-gia-tp-hcm-thay-ong-chu-ngoc-anh-lam-bo-truong-kh-cn-post1011315.html")]),
    P("huynh-thanh-dat", "Huỳnh Thành Đạt", english="Huynh Thanh Dat", country="VN", source=vi("Huỳnh_Thành_Đạt"),
      offices=[O(BT_KHCN, "", "VN", "2020-11-12", "2025-02-18", N_2025_DAT)]),
    P("nguyen-manh-hung", "Nguyễn Mạnh Hùng", english="Nguyen Manh Hung", country="VN",
      source=vi("Nguyễn_Mạnh_Hùng_(chính_khách)"), offices=[O(BT_KHCN, "", "VN", "2025-02-18", "", N_2025_FEB)]),
    # ------------------------------------------------------------------ ASEAN Secretary-General from Viet Nam
    P("le-luong-minh", "Lê Lương Minh", english="Le Luong Minh", country="VN", source=vi("Lê_Lương_Minh"),
      offices=[O("Tổng Thư ký ASEAN", "org:asean-secretariat", "", "2013-01-01", "2017-12-31",
                 "https://en.wikipedia.org/wiki/Secretary-General_of_ASEAN")]),
]
