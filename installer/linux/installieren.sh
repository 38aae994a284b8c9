#!/bin/sh
# Installiert Assistenzbüro für die angemeldete Person, ohne Administratorrechte, aus dem entpackten Programmordner.
#
#   ./installieren.sh              installieren oder auf diese Version aktualisieren
#   ./installieren.sh --entfernen  Programm entfernen (Ihre Daten bleiben erhalten)
#
# Programm: ~/.local/opt/assistenzbuero, Startmenü-Eintrag: ~/.local/share/applications/assistenzbuero.desktop,
# Befehl `assistenzbuero`: ~/.local/bin. Ihre Daten liegen getrennt davon (siehe unten) und werden nie gelöscht.
set -eu

QUELLE=$(cd "$(dirname "$0")" && pwd)
ZIEL="$HOME/.local/opt/assistenzbuero"
BEFEHL="$HOME/.local/bin/assistenzbuero"
ANWENDUNGEN="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
EINTRAG="$ANWENDUNGEN/assistenzbuero.desktop"
DATEN="${XDG_DATA_HOME:-$HOME/.local/share}/Assistenzbuero"

melde_daten() {
    echo "Ihre Daten (Datenbank und Sicherungen) liegen in: $DATEN"
    echo "Sie werden weder beim Aktualisieren noch beim Entfernen gelöscht."
}

aktualisiere_menue() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$ANWENDUNGEN" >/dev/null 2>&1 || true
    fi
}

if [ "${1:-}" = "--entfernen" ]; then
    rm -f "$EINTRAG"
    if [ -L "$BEFEHL" ]; then rm -f "$BEFEHL"; fi
    aktualisiere_menue
    echo "Assistenzbüro wurde entfernt."
    melde_daten
    rm -rf "$ZIEL"  # last: this script may be running from there (the shell keeps its open copy)
    exit 0
fi

if [ ! -x "$QUELLE/assistenzbuero" ] || [ ! -d "$QUELLE/_internal" ]; then
    echo "Fehler: Dieses Skript muss im entpackten Programmordner liegen (dort, wo die Datei assistenzbuero ist)." >&2
    exit 1
fi

if [ "$QUELLE" != "$ZIEL" ]; then
    # An update replaces the whole program folder, so no file of the old version stays behind.
    mkdir -p "$(dirname "$ZIEL")"
    rm -rf "$ZIEL.neu"
    cp -a "$QUELLE" "$ZIEL.neu"
    rm -rf "$ZIEL"
    mv "$ZIEL.neu" "$ZIEL"
fi

mkdir -p "$(dirname "$BEFEHL")" "$ANWENDUNGEN"
ln -sf "$ZIEL/assistenzbuero" "$BEFEHL"
sed "s|@PROGRAMM@|$ZIEL/assistenzbuero|g" "$ZIEL/assistenzbuero.desktop" >"$EINTRAG"
chmod 644 "$EINTRAG"
aktualisiere_menue

echo "Assistenzbüro ist installiert: im Startmenü unter „Büro“, im Terminal als Befehl assistenzbuero."
melde_daten
echo "Beim ersten Start nach einem Update sichert das Programm Ihre Datei und bringt sie dann auf den neuen Stand."
