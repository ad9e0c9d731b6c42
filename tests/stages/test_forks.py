"""Which packages count as one consumer: forks for a version, one module's builds, one API's arities."""
from radar.stages.discover import SourceFile, Subsystem
from radar.stages.forks import forks_of
from stage_fixtures import NOW, subsystem


def test_a_version_outgrowing_the_first_forks_the_version_before_it_and_so_what_that_one_forks():
    """redisson's `redisson-spring-data-16` … `-41`, one module per Spring Data version, each the
    one before with its changes: 2.0 brought the reactive classes, which 1.6 never had, so `-41`
    shared too few file names with `-16` to count as its fork, and 96 of redisson's first proposals
    were one class's copies across the versions. A version rewritten (dubbo's `netty4`) forks none."""
    def package(name, files):
        return subsystem(name, [f"lib/{name}/{file}" for file in files], source="package")

    classic = ["Connection.java", "Factory.java", "Converter.java"]
    reactive = classic + ["ReactiveKeys.java", "ReactiveSets.java", "ReactiveStreams.java", "ReactiveGeo.java"]
    packages = [package("data-16", classic), package("data-18", classic), package("data-20", reactive),
                package("data-27", reactive), package("data-41", [*reactive, "Json.java"]),
                package("cache", ["Cache.java", "Connection.java"])]
    assert forks_of(packages) == {"data-18": "data-16", "data-20": "data-16", "data-27": "data-16",
                                  "data-41": "data-16"}
    rewritten = [package("netty", ["NettyClient.java", "NettyServer.java", "Handler.java"]),
                 package("netty4", ["Client4.java", "Server4.java", "Codec4.java", "Handler.java"])]
    assert forks_of(rewritten) == {}
    # openrewrite's `rewrite-java-8` … `-25`, one parser per JDK, their files named for it
    # (`ReloadableJava17ParserVisitor.java`): a 19k-token copy had been its first proposal
    per_jdk = [package("rewrite-java", ["JavaParser.java", "JavaVisitor.java", "TypeUtils.java"]),
               *(package(f"rewrite-java-{jdk}", [f"Java{jdk}Parser.java", f"ReloadableJava{jdk}ParserVisitor.java",
                                                 f"ReloadableJava{jdk}JavadocVisitor.java"]) for jdk in (8, 11, 17))]
    assert forks_of(per_jdk) == {"rewrite-java-11": "rewrite-java-8", "rewrite-java-17": "rewrite-java-8"}


def test_jvm_modules_declaring_the_same_classes_are_one_modules_builds_whatever_their_names():
    """spark-rapids' `delta-lake/delta-spark330db`, `…332db`, `…350db143`: one module per Databricks
    runtime, the same classes under the same qualified names (`GpuOptimizeExecutor`, 2,156 tokens),
    which no classpath holds together; their copies had been its first three proposals.
    wire-android's `analytics-enabled` and `analytics-disabled`, one per build flavour, likewise.
    Peers declare their own packages, however alike their files' names."""
    def package(name, classes, language="scala"):
        return subsystem(name, [f"lib/{name}/src/main/{language}/{c}" for c in classes], source="package")

    shared = ["com/databricks/tahoe/rapids/GpuOptimizeExecutor.scala",
              "com/databricks/tahoe/rapids/GpuDoAutoCompaction.scala"]
    runtimes = [package(f"delta-spark{v}", [*shared, f"com/nvidia/delta/DeltaSpark{v}Provider.scala"])
                for v in ("330db", "332db", "350db143")]
    flavours = [package(f"analytics-{f}", ["com/wire/analytics/AnalyticsManager.kt", "com/wire/analytics/Events.kt"],
                        "kotlin") for f in ("enabled", "disabled")]
    peers = [package(name, [f"com/nvidia/{name}/Provider.scala", f"com/nvidia/{name}/Reader.scala"])
             for name in ("iceberg", "hudi")]
    assert forks_of([*runtimes, *flavours, *peers]) == {
        "delta-spark332db": "delta-spark330db", "delta-spark350db143": "delta-spark330db",
        "analytics-enabled": "analytics-disabled"}


def test_a_module_that_is_its_package_forks_the_module_of_its_name_without_the_version():
    """rabbitmq: `rabbit_fifo_v0.erl`, `_v1.erl`, `_v3.erl`, the quorum queue's state machine as
    each version left it (one-module packages of `deps/rabbit/src/*.erl`), beside `rabbit_fifo.erl`:
    35 of its 44 first proposals were their copies of each other. Their file names differ by the
    version their packages' names bear; a module named otherwise forks nothing."""
    def module(name):
        return subsystem(name, [f"deps/rabbit/src/{name}.erl"], source="package")

    modules = [module(name) for name in ("rabbit_fifo", "rabbit_fifo_v0", "rabbit_fifo_v1", "rabbit_fifo_v3",
                                         "rabbit_fifo_client", "rabbit_quorum_queue")]
    assert forks_of(modules) == {"rabbit_fifo_v0": "rabbit_fifo", "rabbit_fifo_v1": "rabbit_fifo",
                                 "rabbit_fifo_v3": "rabbit_fifo"}
    # a bare number is no version: OpenZeppelin's CAIP-2 and CAIP-10, two standards
    standards = [subsystem(name, [f"contracts/utils/{name}.sol"], source="package") for name in ("CAIP2", "CAIP10")]
    assert forks_of(standards) == {}


def test_a_packages_trees_for_scalas_platforms_are_one_consumer():
    """scalatest's `jvm/matchers-core` and `dotty/matchers-core` (Scala 3), one package per
    platform it compiles for, their files named alike: its first proposal had counted them as
    two consumers of one `have`. Packages of one platform are peers."""
    def package(name, files):
        return subsystem(name, [f"lib/{name}/{file}" for file in files], source="package")

    matchers = ["ResultOfNotWordForAny.scala", "MatcherWords.scala", "Containing.scala"]
    packages = [package("jvm/matchers-core", matchers), package("dotty/matchers-core", matchers),
                package("js/matchers-core", matchers[:2]), package("jvm/shouldmatchers", ["Matchers.scala"]),
                package("jvm/flatspec", ["AnyFlatSpec.scala", "Containing.scala"])]
    assert forks_of(packages) == {"dotty/matchers-core": "jvm/matchers-core", "js/matchers-core": "jvm/matchers-core"}


def test_a_kubernetes_apis_versions_are_one_consumer_and_a_rewrites_next_version_forks_it():
    """emqx-operator's `apis/apps/v1beta3`, `v1beta4`, `v2alpha1` and `v2beta1`, one tree of types
    and helpers per version the API serves: `v1beta4` is `v1beta3` renewed, `v2beta1` is `v2alpha1`
    renewed (a rewrite, which shares few file names with the first). Their copied
    `MergeServicePorts` had been its first proposal, three consumers where there are two.
    Folders named for what they hold beside them, and another API's versions, are peers."""
    def package(namespace, files):
        sources = tuple(SourceFile(f"{namespace}/{f}", f"/repo/{namespace}/{f}", None, NOW, False) for f in files)
        return Subsystem(namespace, "package", "/repo", namespace, None, None, sources, NOW, (), False, "quiet")

    first = ("emqxbroker_types.go", "emqxbroker_webhook.go", "spec_types.go", "util.go")
    second = ("emqx_types.go", "emqx_conversion.go", "names.go", "util.go")
    packages = [package("apis/apps/v1beta3", first), package("apis/apps/v1beta4", first),
                package("apis/apps/v2alpha1", second), package("apis/apps/v2beta1", second),
                package("apis/apps/validation", ("rules.go",)), package("apis/core/v1beta4", ("node.go",))]
    assert forks_of(packages) == {"apis/apps/v1beta4": "apis/apps/v1beta3", "apis/apps/v2beta1": "apis/apps/v2alpha1"}
