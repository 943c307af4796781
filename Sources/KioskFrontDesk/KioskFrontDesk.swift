// KioskFrontDesk: placeholder until the front ends land.
