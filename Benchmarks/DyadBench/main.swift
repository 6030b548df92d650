import DyadCore
let n = Int(CommandLine.arguments.dropFirst().first ?? "20000") ?? 20000
let config = RunConfiguration(coupleCount: n, days: 365, burnInDays: 90, runKey: StreamKey.run(seed: 1, pointKey: 0, replicate: 0))
let clock = ContinuousClock()
let start = clock.now
let threads = Int(CommandLine.arguments.dropFirst(2).first ?? "1") ?? 1
let result = try Simulator(threads: threads, chunkSize: 256).run(config)
let elapsed = clock.now - start
let t = result.arms[0].outcomes
func mean(_ c: CoupleOutcomeColumn) -> Double { let v = t.column(c).filter { !$0.isNaN }; return v.reduce(0,+)/Double(v.count) }
for c: CoupleOutcomeColumn in [.satisfaction, .distressed, .episodes, .resolvedFrac, .pwCycleFrac, .floodFracA, .floodFracB, .turnTowardA, .dissolved, .ratioConflict, .meanEA, .repairRMST, .repairTime] {
  print(c.name, mean(c))
}
let rc = t.column(.ratioConflict).sorted(); print("median ratio_conflict", rc[rc.count/2])
print("elapsed", elapsed, "couple-days/s", Double(result.coupleDays) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds)/1e18), "turns", result.episodeTurns)
