/// The background writer: pages saved during a fetch go to the store in batches, off the request path.
extension PageCache {
    /// Runs `body` with a background writer beside it: a page saved meanwhile is queued, and the writer writes
    /// whatever has queued while it wrote the previous batch in one transaction, so the fetch never waits on the
    /// disk and a slow disk only makes the batches larger. When `body` ends — returning, throwing or cancelled
    /// (Ctrl-C) — every page saved is written before this returns: the counts (`saved`) and the store's warning
    /// are whole, and an interrupted run's pages are there for the next run to resume from.
    public nonisolated func withWriter<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
        let doorbell = WriterDoorbell()
        await attach(doorbell)
        let result: Result<Value, any Error> = await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.write(ringing: doorbell) }
            let result: Result<Value, any Error>
            do {
                result = .success(try await body())
            } catch {
                result = .failure(error)
            }
            doorbell.close()
            await group.waitForAll()
            return result
        }
        await detach()
        return try result.get()
    }

    /// Writes batches as the doorbell rings, then what is left once it is closed. Nothing here checks for
    /// cancellation: the writer stops only when told to, after the last page.
    private nonisolated func write(ringing doorbell: WriterDoorbell) async {
        repeat {
            while true {
                let batch = await takeBatch()
                if batch.isEmpty { break }
                do {
                    try await store.save(batch)
                    await batchWritten(batch.count, failure: nil)
                } catch {
                    await batchWritten(batch.count, failure: error)
                }
            }
        } while await doorbell.wait()
    }
}
