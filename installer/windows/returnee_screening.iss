; Inno Setup 6 script of the Returnee Screening workstation installer.
;
; It packs exactly the folder that installer/returnee_screening.spec makes (every file under it,
; nothing else), so the two cannot drift apart. Build both with
;     python installer\build.py --installer
; which passes /DAppVersion (screening.__version__), /DAppVersionNumbers, /DSourceDir,
; /DOutputDir and /DIconFile. Compiled by hand (ISCC installer\windows\returnee_screening.iss)
; after a build, the version is read from returnee-screening.exe, whose version resource the spec
; wrote from the same screening.__version__.
;
; The data (the encrypted database, backups' keys, preferences) is NEVER in {app}: it lives in
; the user's data folder, %LOCALAPPDATA%\ReturneeScreening\ReturneeScreening (platformdirs,
; appname and appauthor "ReturneeScreening"). The uninstaller removes only what this script
; installed; there is deliberately no [UninstallDelete] section, and it says where the data stayed.

#ifndef SourceDir
  #define SourceDir AddBackslash(SourcePath) + "..\dist\ReturneeScreening"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\dist"
#endif
#ifndef IconFile
  #define IconFile AddBackslash(SourcePath) + "..\build\returnee-screening.ico"
#endif
#define GuiExe "returnee-screening.exe"
#define CliExe "screening.exe"
#if !FileExists(AddBackslash(SourceDir) + GuiExe)
  #error The bundle is missing: run python installer\build.py first
#endif
#ifndef AppVersionNumbers
  #define AppVersionNumbers GetVersionNumbersString(AddBackslash(SourceDir) + GuiExe)
#endif
#ifndef AppVersion
  #define AppVersion AppVersionNumbers
#endif

[Setup]
; Never change AppId: it is how a new version finds and replaces the old one.
AppId={{6B8E3C1A-5E0B-4D7E-9A43-2F1C8D7B9E20}
AppName=Returnee Screening
AppVersion={#AppVersion}
AppVerName=Returnee Screening {#AppVersion}
AppPublisher=Republic of Albania, Responsible Authority
AppCopyright=Republic of Albania, Responsible Authority
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductName=Returnee Screening
VersionInfoProductVersion={#AppVersionNumbers}
VersionInfoDescription=Returnee Screening installer
DefaultDirName={autopf}\Returnee Screening
DefaultGroupName=Returnee Screening
DisableProgramGroupPage=yes
; a workstation is set up once by IT for every officer; a user without admin rights may still
; install for themselves
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=ReturneeScreening-{#AppVersion}-setup
#if FileExists(IconFile)
SetupIconFile={#IconFile}
#endif
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName=Returnee Screening
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole PyInstaller folder: both programs and _internal\ (forms, schema, fonts + LICENSE,
; translations, Python, Qt)
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; files of an older version that this one no longer ships (never the data: it is not in {app})
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Returnee Screening"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Comment: "Screening of returnees for signs of human trafficking"
Name: "{group}\Uninstall Returnee Screening"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Returnee Screening"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,Returnee Screening}"; Flags: nowait postinstall skipifsilent

[Code]
// The uninstaller removes the program only. Say so, and where the interviews stayed.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('Returnee Screening was removed. The interviews and accounts of this workstation ' +
      'were kept, encrypted, in' + #13#10 +
      ExpandConstant('{localappdata}') + '\ReturneeScreening\ReturneeScreening' + #13#10 +
      '(for each Windows user who used it). Reinstalling opens them again; delete that folder ' +
      'only after the data has been sent to the central office or backed up.',
      mbInformation, MB_OK);
end;
