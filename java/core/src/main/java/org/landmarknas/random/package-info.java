/**
 * Seeded randomness shared by every layer: the shuffle whose exact sequence of draws fixes batch
 * orders, data splits, pools and landmark draws by a run's seed. Depends on nothing else here.
 */
package org.landmarknas.random;
