"""The design as Word's own styles: paragraph and character styles (`parastyles.py`,
`styles.py`), table styles, list numbering, the Word theme, built once per look into
a blank document that each deliverable reopens (`stylesheet.py`).
"""
