"""pyspark.sql of the stand-in (see __init__.py)."""
from pyspark import SparkSession  # noqa: F401
