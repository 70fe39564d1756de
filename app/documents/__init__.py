"""PDFs and CSV made from a casebook: letters, case summaries, the KPI report, the recovery sheet.

reportlab only, never Qt, so every document can be made from the command line as
well as the desktop app. The GUI calls these on its worker thread; each returns
bytes (nothing is written until `protect.save_pdf` is called with a path):

- letters.render_letter(book, concern_id, kind, reason, letter_date=None) -> bytes
- case_summary.render_case_summary(book, concern_id, full_reason=None, today=None) -> bytes
- kpi_report.build_kpi_report(book, period, publication=False, ...) -> bytes, and
  kpi_report.render_kpi_report(ReportContent(...), ...) for figures from anywhere (the board)
- kpi_report.report_csv(content, publication=False, threshold=5) -> str
- recovery_sheet.render_recovery_sheet(recovery_key, organisation, unit, casebook_id) -> bytes
- protect.protect_pdf(pdf, password) -> bytes; protect.save_pdf(path, pdf, password=None)
- figures.kpi_figures(book, period) -> the KPI figures dict

Letters and full case summaries reveal an identity (audited with a reason); KPI
reports and redacted summaries never show one.
"""
