"""A local stand-in for the little of PySpark examples/spark/bead_pipe.py
uses, for tests where Spark is not installable: RDDs are lists of
partitions, computed again by every action as Spark does (without cache),
and SparkFiles.get answers only inside a partition function, as on an
executor that received --files. Each call of a partition function is
logged to $FAKE_SPARK_LOG, so a test can count how often jobs ran."""
import os

_files_dir = None   # set while a partition function runs ("on an executor")


class SparkFiles:
    @staticmethod
    def get(name):
        if _files_dir is None:
            raise RuntimeError("SparkFiles.get called on the driver")
        return os.path.join(_files_dir, name)


class RDD:
    def __init__(self, compute):
        self._compute = compute   # () -> list of partitions (lists)

    def mapPartitions(self, fn):
        def compute():
            global _files_dir
            out = []
            for part in self._compute():
                _files_dir = os.environ["FAKE_SPARK_FILES"]
                try:
                    with open(os.environ["FAKE_SPARK_LOG"], "a") as log:
                        log.write("partition\n")
                    out.append(list(fn(iter(part))))
                finally:
                    _files_dir = None
            return out
        return RDD(compute)

    def map(self, fn):
        return RDD(lambda: [[fn(x) for x in p] for p in self._compute()])

    def filter(self, fn):
        return RDD(lambda: [[x for x in p if fn(x)] for p in self._compute()])

    def count(self):
        return sum(len(p) for p in self._compute())

    def take(self, n):
        return [x for p in self._compute() for x in p][:n]

    def saveAsTextFile(self, path):
        os.makedirs(path)
        for k, p in enumerate(self._compute()):
            with open(os.path.join(path, "part-%05d" % k), "w") as f:
                f.writelines(x + "\n" for x in p)


class SparkContext:
    defaultParallelism = 2

    def textFile(self, path, minPartitions=2):
        def compute():
            if os.path.isdir(path):
                names = sorted(n for n in os.listdir(path) if n.startswith("part-"))
                return [open(os.path.join(path, n)).read().splitlines() for n in names]
            lines = open(path).read().splitlines()
            k = max(1, minPartitions)
            return [lines[i::k] for i in range(k)]
        return RDD(compute)


class _Builder:
    def appName(self, name):
        return self

    def getOrCreate(self):
        return SparkSession()


class SparkSession:
    builder = _Builder()

    def __init__(self):
        self.sparkContext = SparkContext()

    def stop(self):
        pass
