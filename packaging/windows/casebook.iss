; Inno Setup 6 script: the Casebook installer for Windows (64-bit, Windows 10 or later).
;
; Build the app first (on Windows, from the repository root):
;     py -3.11 -m venv .venv
;     .venv\Scripts\pip install -e .[package]
;     .venv\Scripts\pyinstaller --noconfirm --clean packaging\casebook.spec
; then the installer:
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\casebook.iss
; which writes dist\casebook-VERSION-windows-x64-setup.exe. The version is read from
; dist\casebook\casebook.exe, which the spec stamped with the version in pyproject.toml.
;
; Signing (see packaging/README.md): sign dist\casebook\*.exe before running ISCC, then
;     ISCC /DSign "/Scasebook=signtool sign /fd sha256 /tr <timestamp URL> /td sha256 /a $f" ...
; signs the installer and the uninstaller too.
;
; Installing:
;   - for the current user (the default; no administrator rights): %LOCALAPPDATA%\Programs\Casebook
;   - for every user of the computer: run as administrator with /ALLUSERS (Program Files)
;   - silently, for IT:  casebook-VERSION-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES
;                        /NORESTART [/ALLUSERS] [/DIR="C:\..."] [/LOG="C:\...\install.log"]
;   - uninstall silently: "%LOCALAPPDATA%\Programs\Casebook\unins000.exe" /VERYSILENT
;     (or the same under Program Files for an /ALLUSERS install)
; The installer copies files and adds Start Menu (and, if chosen, desktop) shortcuts. It sets
; no file associations, no services, no scheduled tasks and no update checks, and sends
; nothing anywhere. Uninstalling removes the program only: casebooks and their backups (in
; %LOCALAPPDATA%\Casebook\Casebook\casebook unless moved) are never touched.

#define AppName "Casebook"
#define AppExe "casebook.exe"
#define Root AddBackslash(SourcePath) + "..\.."
#define BundleDir Root + "\dist\casebook"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error dist\casebook\casebook.exe is missing or has no version: build the app first
#endif
#ifndef AppPublisher
  #define AppPublisher "Casebook"
#endif

[Setup]
; The AppId identifies the product across versions (upgrades replace, never duplicate):
; never change it.
AppId={{E8D4E5FC-E0F5-4F0D-942D-B71769095448}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
; Per user by default; /ALLUSERS (or the dialog) installs for everyone, as administrator.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableWelcomePage=no
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile={#Root}\build\casebook\icons\casebook.ico
OutputDir={#Root}\dist
OutputBaseFilename=casebook-{#AppVersion}-windows-x64-setup
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running Casebook before replacing its files (it locks and saves as it closes).
CloseApplications=yes
RestartApplications=no
#ifdef Sign
SignTool=casebook
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Encrypted casebook for whistleblowing concerns"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [Registry] and no [UninstallDelete] section on purpose: the app keeps no settings in the
; registry, and uninstalling must never delete a casebook.
