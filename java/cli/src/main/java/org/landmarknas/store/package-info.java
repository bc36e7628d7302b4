/**
 * Durable stand-alone results and the work queue that fills them, shared by several worker
 * processes through one SQLite file.
 *
 * <p>{@link org.landmarknas.store.ResultsStore} keeps one row per (space, architecture class,
 * protocol, seed); isomorphic architectures share a row, keyed by the space's canonical member of
 * the class ({@code space.format(space.canonical(arch))}). A store is opened for one
 * {@link org.landmarknas.space.SearchSpace} and sees only that space's rows and jobs. {@code
 * put} and {@code get} read and write results, {@code scores(protocol)} serves them as {@link
 * org.landmarknas.bench.StandaloneScores} (mean test accuracy over seeds, percent).
 *
 * <p>The queue lives in the same file. A driver calls {@code enqueue(archs, protocol, seed)}
 * (idempotent: present jobs and stored results are skipped, failed jobs are queued again); each
 * worker loops {@code claim(worker, protocol, lease)}, trains while a {@code heartbeat} renews the
 * lease, and calls {@code complete(job, result)}, which writes the result and marks the job done
 * atomically, or {@code fail(job, error)} when training threw. A worker that dies stops renewing
 * its lease; once it expires the job is claimable again, so nothing is lost and, because the first
 * result per key wins, nothing is stored twice; a job whose workers die on every claim is given up
 * as failed after a few. {@code status(protocol)} gives {@link org.landmarknas.store.QueueStatus}
 * counts, {@code failures(protocol)} what failed and why.
 *
 * <p>The file is in WAL mode (readers never block the writer), writers wait up to a busy timeout
 * for each other, and every write is one short transaction that takes the write lock up front.
 * The schema is versioned ({@code schema_version}); DDL and queries are plain SQL, and the few
 * SQLite-only statements sit in one dialect class so another database can be added later.
 */
package org.landmarknas.store;
