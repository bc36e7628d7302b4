/**
 * Durable stand-alone results and the work queue that fills them, shared by several worker
 * processes through one SQLite file or, across machines, one PostgreSQL database.
 *
 * <p>{@link org.landmarknas.store.ResultsStore} keeps one row per (space, architecture class,
 * protocol, seed); isomorphic architectures share a row, keyed by the space's canonical member of
 * the class ({@code space.format(space.canonical(arch))}). A store is opened for one
 * {@link org.landmarknas.space.SearchSpace} and sees only that space's rows and jobs. {@code
 * put} and {@code get} read and write results, {@code scores(protocol)} serves them as {@link
 * org.landmarknas.bench.StandaloneScores} (mean test accuracy over seeds, percent).
 *
 * <p>The queue lives in the same database. A driver calls {@code enqueue(archs, protocol, seed)}
 * (idempotent: present jobs and stored results are skipped, failed jobs are queued again); each
 * worker loops {@code claim(worker, protocol, lease)}, trains while a {@code heartbeat} renews the
 * lease, and calls {@code complete(job, result)}, which writes the result and marks the job done
 * atomically, or {@code fail(job, error)} when training threw. A worker that dies stops renewing
 * its lease; once it expires the job is claimable again, so nothing is lost and, because the first
 * result per key wins, nothing is stored twice; a job whose workers die on every claim is given up
 * as failed after a few. {@code status(protocol)} gives {@link org.landmarknas.store.QueueStatus}
 * counts, {@code failures(protocol)} what failed and why.
 *
 * <p>Where it lives is a {@link org.landmarknas.store.StoreLocation}: a file path or a {@code
 * jdbc:postgresql://} URL ({@code --store}). One schema and one set of queries serve both; what
 * differs sits in a {@code Dialect}. SQLite: WAL mode (readers never block the writer), writers
 * wait up to a busy timeout, and every write is one short transaction that takes the write lock
 * up front. PostgreSQL: READ COMMITTED, a claim picks its row with {@code FOR UPDATE SKIP LOCKED},
 * inserts use {@code ON CONFLICT DO NOTHING} (both databases speak it), leases are timed by the
 * server's {@code now()} so workers' clocks need not agree, a new database's tables are created
 * under an advisory lock, and serialization failures (40001), deadlocks (40P01) and lost
 * connections (08xxx, 57P0x) are rolled back and retried with jittered exponential backoff on a
 * new connection (about 25 s in all). Every unit of work may run twice: an insert that finds its
 * row keeps the first, an update re-tests the state it changes. The one case a retry cannot
 * settle is a claim whose commit was lost with the connection: that job stays leased to a worker
 * that does not know it, and is claimed again when the lease runs out (a reason for a second
 * training). The schema is versioned ({@code schema_version}).
 */
package org.landmarknas.store;
