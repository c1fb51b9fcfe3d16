"""Request and response shapes of the push API: the national sync payload (HoSoDongBoDVC)."""

from __future__ import annotations

from ninja import Field, Schema

Text = str | int | float | None


class TaiLieu(Schema):
    MaThanhPhanHoSo: str | None = None
    DuongDanTaiTepTin: str | None = None
    DuocSoHoa: Text = Field(None, description="1 nếu thành phần được số hóa")
    DuocTaiSuDung: Text = Field(None, description="1 nếu dùng lại dữ liệu đã số hóa")
    DuocLayTuKhoDMQG: Text = Field(None, description="1 nếu lấy từ kho dữ liệu của công dân trên Cổng DVCQG")


class LePhi(Schema):
    TenPhiLePhi: str | None = None
    MaPhiLePhi: str | None = None
    HinhThucThu: Text = None
    Gia: float | None = Field(None, description="số tiền (đồng)")
    LoaiPhiLePhi: Text = None


class BoSung(Schema):
    NgayBoSung: str | None = Field(None, description="ngày yêu cầu bổ sung (yyyyMMddHHmmss)")
    NgayTiepNhanBoSung: str | None = Field(None, description="ngày nhận đủ hồ sơ bổ sung")
    NgayHenTraTruoc: str | None = None
    NgayHenTraMoi: str | None = Field(None, description="ngày hẹn trả sau khi dời")


class KetQua(Schema):
    TenGiayTo: str | None = None
    DuongDanTepTinKetQua: str | None = Field(None, description="đường dẫn tệp kết quả điện tử")
    MaGiayToKetQua: str | None = None


class HoSo(Schema):
    """One dossier as synced to the national portal (unknown extra fields are ignored)."""

    MaHoSo: str = Field(..., description="mã hồ sơ; gửi lại cùng mã sẽ cập nhật, không nhân đôi")
    MaTTHC: str = Field(..., description="mã thủ tục trong danh mục")
    TenTTHC: str | None = None
    MaLinhVuc: str | None = None
    DonVi: str | None = Field(None, description="tên đơn vị tiếp nhận; mặc định là đơn vị của khóa API")
    DonViXuLy: str | None = None
    KenhThucHien: Text = Field(None, description="1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích")
    NgayNopHoSo: str | None = None
    NgayTiepNhan: str | None = Field(None, description="yyyyMMddHHmmss (hoặc yyyy-mm-dd, dd/mm/yyyy)")
    NgayHenTra: str | None = None
    NgayKetThucXuLy: str | None = None
    NgayTra: str | None = None
    TrangThaiHoSo: Text = Field(None, description="mã trạng thái 1-10 hoặc tên trạng thái")
    HoSoCoThanhPhanSoHoa: Text = None
    DuocThanhToanTrucTuyen: Text = Field(None, description="0 không, 1 qua Cổng DVCQG, 2 qua cổng của tỉnh")
    NgayXinLoi: str | None = Field(None, description="ngày gửi phiếu xin lỗi và hẹn lại (nếu có)")
    TaiLieuNop: list[TaiLieu] | None = None
    DanhSachLePhi: list[LePhi] | None = None
    DanhSachHoSoBoSung: list[BoSung] | None = None
    DanhSachGiayToKetQua: list[KetQua] | None = None


class PushIn(Schema):
    data: list[HoSo] = Field(..., description="tối đa 5.000 hồ sơ mỗi lần gửi")


class RowError(Schema):
    index: int = Field(..., description="thứ tự hồ sơ trong mảng data, đếm từ 1")
    MaHoSo: str
    field: str
    message: str


class PushOut(Schema):
    import_id: int
    received: int
    created: int
    updated: int
    unchanged: int
    older: int = Field(..., description="bỏ qua vì cũ hơn dữ liệu đã có")
    duplicates: int
    errors: list[RowError]


class Error(Schema):
    detail: str


class IndicatorOut(Schema):
    code: str
    numerator: float | None
    denominator: float | None
    value: float | None
    points: float | None
    max_points: float


class IndicatorsOut(Schema):
    org_unit: str
    period: str
    indicators: list[IndicatorOut]
    total_points: float
