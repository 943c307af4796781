// OpenSSL's libcrypto, for the few primitives Kiosk needs: HMAC-SHA256 (signed delivery-report
// callbacks), a constant-time compare and the system's random bytes.
#include <openssl/hmac.h>
#include <openssl/evp.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
