"""PAR INDEX scoring (Chỉ số CCHC), pure: frameworks as data and their validity (``framework``), how
one criterion turns a fact into points (``rules``), totals, bands, ranks and weak spots of a round
(``totals``), and the framework workbook both ways (``xlsx``). No Django here."""
