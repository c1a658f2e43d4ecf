// The ALTCHA package ships no types for its translations: importing one only registers its strings.
declare module "altcha/i18n/fr-fr";
