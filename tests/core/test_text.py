from core.text import clean, fold, match_key


def test_clean_removes_markup_and_collapses_space():
    assert clean("<ul><li>- Báo cáo</li>\n<li>quý</li></ul>") == "- Báo cáo quý"


def test_fold_removes_accents_and_d_stroke():
    assert fold("Phòng Văn hoá - Xã hội, ĐƠN VỊ") == "phong van hoa - xa hoi don vi"


def test_match_key_treats_old_and_new_tone_placement_alike():
    assert match_key("Thanh Hoá") == match_key("Thanh Hóa")
    assert match_key("Thủy") == match_key("Thuỷ")
