// KioskTestSupport: placeholder until its issue lands.
