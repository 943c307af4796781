// KioskSMS: placeholder until the notifier lands.
