// Debian's libqrencode (libqrencode-dev): QR codes for the printed ticket's page address.
#include <qrencode.h>
