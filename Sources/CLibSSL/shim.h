#ifndef FOLIO_CLIBSSL_SHIM_H
#define FOLIO_CLIBSSL_SHIM_H
/* Deliberately empty: the declarations are in COpenSSL's shim.h (see module.modulemap). One
   function so that the module is not empty. */
static inline int folio_libssl_linked(void) { return 1; }
#endif
