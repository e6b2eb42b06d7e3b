"""The application's look: calm, high-contrast, readable at 3 a.m. on a cheap screen."""

STYLE_SHEET = """
QWidget { font-size: 10.5pt; }
#sectionTitle { font-size: 15pt; font-weight: 700; padding: 4px 0 8px 0; }
#questionLabel { font-weight: 600; font-size: 11pt; }
#questionHint { color: #4a4a4a; }
#questionError { color: #b00020; font-weight: 600; }
#noteLabel { background: #eef4fb; border-left: 4px solid #1a5fb4; padding: 8px; }
#computedValue { color: #1a5fb4; font-weight: 600; }
#savedIndicator { color: #26a269; }
#panelTitle { font-weight: 700; font-size: 11pt; }
#outcomeBanner { font-size: 13pt; font-weight: 700; padding: 6px 10px; border-radius: 4px;
                 background: #deddda; color: #241f31; }
#outcomeBanner[outcome="presumed_victim"] { background: #a51d2d; color: white; }
#outcomeBanner[outcome="suspected_victim"] { background: #c64600; color: white; }
#outcomeBanner[outcome="at_risk"] { background: #e5a50a; color: #241f31; }
#outcomeBanner[outcome="no_indicators"] { background: #26a269; color: white; }
#actionProblems { color: #b00020; }
#sectionList { font-size: 10.5pt; }
#sectionList::item { padding: 5px 0; }
#sectionList::item:selected { background: #1a5fb4; color: white; }
#finaliseButton:enabled { background: #1a5fb4; color: white; font-weight: 700; padding: 6px 14px; }
QLineEdit, QPlainTextEdit, QComboBox { padding: 3px; }
QRadioButton, QCheckBox { padding: 2px 12px 2px 0; }
/* a supervisor reads the answers of a finalised interview: readable, not greyed out */
#interviewView QRadioButton:disabled, #interviewView QCheckBox:disabled,
#interviewView QLabel:disabled, #interviewView QLineEdit:disabled,
#interviewView QPlainTextEdit:disabled, #interviewView QComboBox:disabled { color: #241f31; }
QRadioButton:focus, QCheckBox:focus { background: #fff4c2; }
#loginTitle { font-size: 18pt; font-weight: 700; }
#loginError { color: #b00020; font-weight: 600; }
#recoveryCode { font-family: monospace; font-size: 16pt; font-weight: 700; padding: 10px;
                background: #fff4c2; border: 1px dashed #986a44; }
"""
