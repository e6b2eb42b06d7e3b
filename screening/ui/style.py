"""The application's look: calm, high-contrast, readable at 3 a.m. on a cheap screen."""

STYLE_SHEET = """
QWidget { font-size: 10.5pt; }
#sectionTitle { font-size: 15pt; font-weight: 700; padding: 4px 0 8px 0; }
#questionLabel { font-weight: 600; font-size: 11pt; }
#questionHint { color: #4a4a4a; }
#questionError { color: #b00020; font-weight: 600; }
#noteLabel { background: #eef4fb; border-left: 4px solid #1a5fb4; padding: 8px; }
#computedValue { color: #1a5fb4; font-weight: 600; }
#itemTitle { font-weight: 700; font-size: 11pt; color: #1a5fb4; }
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
/* buttons: a frame of the same width in every state, so a thick focus ring shows who has the
   keyboard without the button changing size (a bold label sized while disabled was clipped) */
QPushButton { padding: 5px 14px; border: 2px solid #9a9996; border-radius: 4px;
              background: #f6f5f4; color: #241f31; }
QPushButton:hover { background: #eeeeec; }
QPushButton:pressed { background: #deddda; }
QPushButton:default { border-color: #1a5fb4; }
QPushButton:disabled { color: #77767b; border-color: #c0bfbc; background: #f6f5f4; }
QPushButton:focus { border: 2px solid #e66100; background: #fff4c2; }
QPushButton:flat { border-color: transparent; background: transparent; color: #1a5fb4;
                   text-decoration: underline; }
QPushButton:flat:focus { border-color: #e66100; }
#finaliseButton { font-weight: 700; padding: 6px 16px; }
#finaliseButton:enabled { background: #1a5fb4; color: white; border-color: #1a5fb4; }
#finaliseButton:focus { border-color: #e66100; background: #0d3f80; }
#emptyList { color: #4a4a4a; padding: 6px 0 12px 0; }
#keysHint { color: #4a4a4a; font-size: 9.5pt; }
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
