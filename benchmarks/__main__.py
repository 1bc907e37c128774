"""python -m benchmarks [--quick] [--sizes 5,1000,10000] [--repeat 3] [--out benchmarks/results.json]"""

from .run import main

main()
