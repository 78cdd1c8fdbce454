; Inno Setup 6 script: installs the one-folder bundle that `python packaging/build.py` makes
; on Windows (dist\CareCompanion). Build with: python packaging\build.py --installer
; (which runs: iscc /DAppVersion=VERSION packaging\windows\carecompanion.iss).
; Not built in CI (no Windows there): kept correct by review against the Inno Setup 6
; documentation (https://jrsoftware.org/ishelp/).

#define AppName "CareCompanion"
#ifndef AppVersion
  ; build.py passes the package's version; this default is checked against it by the tests.
  #define AppVersion "0.1.0"
#endif
#define AppId "{{6C3B1E7A-5F0D-4D8E-9C51-2B7A4E0C9F13}"
#define ProgId "CareCompanion.Circle"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The CareCompanion team
AppPublisherURL=https://github.com/carecompanion/carecompanion
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install without admin rights is offered; {autopf} follows the choice.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\icons\carecompanion.ico
UninstallDisplayIcon={app}\{#AppName}.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Registers the .carecircle association, so Explorer must be told.
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\{#AppName}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppName}.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppName}.exe"; Tasks: desktopicon

[Registry]
; Under HKA (HKCU for a per-user install, HKLM for all users): .carecircle opens in the app.
Root: HKA; Subkey: "Software\Classes\.carecircle"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.carecircle"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-carecircle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "CareCompanion circle"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppName}.exe,0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppName}.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppName}.exe\SupportedTypes"; ValueType: string; ValueName: ".carecircle"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppName}.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The journal itself (in %APPDATA%\CareCompanion) is never removed by the uninstaller.
Type: filesandordirs; Name: "{app}"
