# daoWithRls / dao, and jdbcBatch / jdbc, per round of a finished `benchmarks/run compare` (issue 20):
#   python3 benchmarks/rls-ratios.py benchmarks/target/compare
import csv, glob, os, statistics, sys
d = sys.argv[1]
score = {}
for f in glob.glob(d + '/round-*/*.csv'):
    r = os.path.basename(os.path.dirname(f))
    for row in csv.DictReader(open(f)):
        name = row['Benchmark']
        if ':' in name: continue
        score[(r, name.rsplit('.', 1)[1])] = float(row['Score'])
rounds = sorted({r for r, _ in score})
for op in ['findById', 'page50', 'insert', 'insertAll1000']:
    rat = [score[(r, op + '_daoWithRls')] / score[(r, op + '_dao')] for r in rounds if (r, op + '_dao') in score and (r, op + '_daoWithRls') in score]
    if rat:
        print(f"{op}: daoWithRls/dao median {statistics.median(rat):.2f} (min {min(rat):.2f}, max {max(rat):.2f}) over {len(rat)} rounds: {['%.2f' % x for x in rat]}")
    b = [score[(r, op + '_jdbcBatch')] / score[(r, op + '_jdbc')] for r in rounds if (r, op + '_jdbcBatch') in score and (r, op + '_jdbc') in score]
    if b:
        print(f"{op}: jdbcBatch/jdbc(unnest) {['%.2f' % x for x in b]}")
