; Inno Setup script (Inno Setup 6.3 or newer: UTF-8 without BOM, x64compatible): Windows installer for Assistenzbüro from the PyInstaller folder dist\assistenzbuero.
;
;   Bauen (im Projektordner, nach PyInstaller):
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\windows\assistenzbuero.iss
;   Ergebnis: dist\Assistenzbuero-Setup-<Version>.exe
;
; NOT TESTED: written on Linux without Windows or Inno Setup at hand (see installer/BAUEN.md).
;
; Per-user install without administrator rights (default; the dialog offers "for all users" to admins).
; Program files: {autopf}\Assistenzbüro = %LOCALAPPDATA%\Programs\Assistenzbüro (per user).
; The user's data is elsewhere – %LOCALAPPDATA%\Assistenzbuero (platformdirs: database, backups, Logs) and the
; registry key HKCU\Software\Assistenzbuero (window settings) – and is never removed by the uninstaller.

#define AppName "Assistenzbüro"
#define AppExe "assistenzbuero.exe"
#define Quelle AddBackslash(SourcePath) + "..\..\dist\assistenzbuero"
#ifndef AppVersion
  ; the version PyInstaller wrote into the .exe from pyproject.toml (a.b.c.d); override with /DAppVersion=…
  #define AppVersion GetVersionNumbersString(Quelle + "\" + AppExe)
#endif
#if AppVersion == ""
  #error "dist\assistenzbuero\assistenzbuero.exe fehlt: zuerst mit PyInstaller bauen (installer\BAUEN.md)."
#endif

[Setup]
; AppId identifies the program for updates and uninstall: NEVER change it.
AppId={{550B3ADB-7527-4ABC-8F86-611E7FA62339}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
ShowLanguageDialog=auto
; an update while the program runs: ask to close it (Windows Restart Manager)
CloseApplications=yes
RestartApplications=no
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
OutputDir={#AddBackslash(SourcePath) + "..\..\dist"}
OutputBaseFilename=Assistenzbuero-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
; Signing (optional, recommended against SmartScreen warnings): define a sign tool named "signtool" in the
; Inno Setup IDE (Tools → Configure Sign Tools) or with ISCC /S"signtool=…", then uncomment:
;SignTool=signtool
;SignedUninstaller=yes

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
de.DatenBleiben=Ihre Daten wurden nicht gelöscht.%n%nDatenbank, Sicherungen und Protokoll liegen weiterhin in:%n%1%n%nWenn Sie Assistenzbüro wieder installieren, sind sie sofort wieder da. Möchten Sie sie wirklich löschen, löschen Sie diesen Ordner selbst – erst nachdem Sie eine Kopie an einem sicheren Ort abgelegt haben (Aufbewahrungsfristen für Lohnunterlagen!).
en.DatenBleiben=Your data has not been deleted.%n%nDatabase, backups and log remain in:%n%1%n%nIf you install Assistenzbüro again, they are there at once. To really delete them, delete this folder yourself – only after keeping a copy in a safe place (payroll records must be retained for years).
de.DatenHinweis=Ihre Daten (Datenbank und Sicherungen in %1) bleiben beim Deinstallieren erhalten.
en.DatenHinweis=Your data (database and backups in %1) is kept when uninstalling.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole program folder's content: no module of the old version may stay behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Quelle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Lohnabrechnung, Dienstplan und Budget im Arbeitgebermodell"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function DatenOrdner(): String;
begin
  { platformdirs.user_data_path("Assistenzbuero", appauthor=False) on Windows }
  Result := ExpandConstant('{localappdata}\Assistenzbuero');
end;

function InitializeUninstall(): Boolean;
begin
  { say it before the user confirms, not only afterwards }
  if not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DatenHinweis'), [DatenOrdner()]), mbInformation, MB_OK);
  Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DatenBleiben'), [DatenOrdner()]), mbInformation, MB_OK);
end;
