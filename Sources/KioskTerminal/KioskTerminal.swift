// KioskTerminal: placeholder until the display client lands.
