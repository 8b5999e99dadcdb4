/**
 * reflectionFormReady turns on the links to the reflection form
 * (/netwerk/:network/casussen/:case/reflectie). The form is built
 * separately; until its route exists the case page offers no way to a
 * page that is not there.
 */
export const reflectionFormReady = false;
