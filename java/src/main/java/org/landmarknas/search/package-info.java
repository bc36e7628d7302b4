/**
 * Searching the space with a trained super-net as the judge. For now: scored architectures
 * ({@link org.landmarknas.search.ArchScore}); evolution and random search come with the ranking
 * issue. Pure Java: scores are plain numbers copied out of tensors.
 */
package org.landmarknas.search;
