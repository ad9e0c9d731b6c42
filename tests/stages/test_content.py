"""Shared logic versus shared shape: what a cluster's copies say, beside how they look."""
import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from radar.config import Match, Route, Rules
from radar.stages.analyse import analyse_bytes
from radar.stages.cluster import cluster
from radar.stages.content import Rarity, file_content, overlap, vocab, word_code, word_codes
from radar.stages.gate import gate
from radar.stages.parse import extract
from radar.stages.rank import score
from radar.stages.shape import FileStreams
from stage_fixtures import HARNESS, RANDOM_ID, RANDOM_ID_VARIANT, fleet, shapes, subsystem

CATCH_ALL = Rules(routing=(Route("shared logic", "lib/shared", Match(paths=("**",))),))

SERIALIZER = '''
class {cls}:
    def to_json(self):
        return {{"{a}": self.{a_}, "{b}": self.{b_}, "{c}": self.{c_}, "{d}": self.{d_},
                "{e}": self.{e_}, "{f}": self.{f_}}}
'''
FIELDS = [("KeyId", "Arn", "State", "Origin", "Created", "Usage"),
          ("Name", "RuntimeArn", "Status", "Version", "Updated", "Role"),
          ("ClusterId", "Endpoint", "Engine", "Nodes", "Port", "Shard")]

HANDLER = '''
def {op}(self):
    params = json.loads(self.body)
    value = params.get("{key}")
    extra = params.get("{other}")
    found = self.backend.{op}({arg}=value, {arg2}=extra, region=self.region)
    return json.dumps({{"{out}": found, "RequestId": self.request_id}})
'''
OPERATIONS = [("create_key", "KeyName", "Policy", "name", "policy", "Key"),
              ("put_rule", "RuleName", "Pattern", "rule", "pattern", "RuleArn"),
              ("add_tags", "ResourceArn", "TagList", "arn", "tags", "Tags")]

CHECKER = '''
def {fn}(value, limit=10):
    if not value:
        raise {error}("{message}")
    while len(value) > limit:
        value = {lib}.{trim}(value, "{mark}")
    return {lib}.{finish}(value, strict=True)
'''
CHECKERS = [("check_name", "NameError", "a name is needed", "textwrap", "shorten", "...", "dedent"),
            ("check_port", "PortError", "no port given", "socket", "getservbyname", "tcp", "htons"),
            ("check_rule", "RuleError", "empty rule", "fnmatch", "translate", "*", "compile")]

# HARNESS's shape with everything it says changed: same syntax, other logic
LOOKALIKE = '''
def run_suite(name, tests, timeout={n}):
    passed, failed = 0, []
    for test in tests:
        try:
            result = test.probe(deadline=timeout)
        except Exception as error:
            failed.push((test.label, str(error)))
            continue
        if result:
            passed += 1
        else:
            failed.push((test.label, "no answer from the probe"))
    emit("%s probes: %d answered, %d silent" % (name, passed, len(failed)))
    return passed, failed
'''


def judged(sources: dict[str, str], file: str = "m.py", language: str = "python"):
    found = [shape for name, source in sources.items() for shape in shapes(name, source, f"lib/{name}/{file}", language)]
    clusters = cluster(found)
    subs = [subsystem(name, [f"lib/{name}/{file}"]) for name in sources]
    return gate(tuple((f"C-00000{i}", c) for i, c in enumerate(clusters)), fleet(*subs), CATCH_ALL)


def test_copies_of_one_logic_are_proposed_as_shared_logic():
    [candidate] = judged({name: HARNESS.format(n=1) for name in ("acl", "feed", "mod")})
    assert candidate.verdict == "proposed" and candidate.cluster.nature == "logic"
    assert candidate.cluster.shared_content == 1.0


def test_dict_literals_of_attribute_reads_have_no_behaviour_and_are_never_proposed():
    sources = {name: SERIALIZER.format(cls=name.title(), **{k: v for k, v in zip("abcdef", fields)},
                                       **{k + "_": v.lower() for k, v in zip("abcdef", fields)})
               for name, fields in zip(("kms", "lambda", "redis"), FIELDS)}
    [candidate] = judged(sources)
    assert candidate.verdict == "watching"
    assert "no behaviour: it only lays out data (no call, no branch, or one call over a list)" in candidate.missing


REGISTRATIONS = """package {package}

import "github.com/caddyserver/caddy/v2"

func init() {{
{calls}
}}
"""


def test_a_list_written_as_calls_of_one_function_has_no_behaviour():
    """caddy's `init`s, each registering its own package's modules: one call over a list of
    arguments, each copy its own list; nothing to extract."""
    types = {"caddyhttp": ["MatchHost", "MatchPath", "MatchPathRE", "MatchMethod", "MatchQuery", "MatchHeader"],
             "logging": ["DeleteFilter", "HashFilter", "ReplaceFilter", "IPMaskFilter", "QueryFilter", "CookieFilter"],
             "caddytls": ["PKIRootCAPool", "PKIIntermediateCAPool", "StoragePool", "HTTPCertPool", "FileCAPool",
                          "InlineCAPool"]}
    sources = {name: REGISTRATIONS.format(package=name, calls="\n".join(f"\tcaddy.RegisterModule({t}{{}})" for t in ts))
               for name, ts in types.items()}
    [candidate] = judged(sources, "modules.go", "go")
    assert candidate.verdict == "watching" and candidate.cluster.nature == "no behaviour"


TRIGGERS = """\
package org.widgets.{name};

class {cls}Page {{
    private void setDependencies() {{
{calls}
    }}
{own}
}}
"""
PAGES_OWN = {"pushover": "    int size() { return 1; }",
       "users": "    String title(boolean short) { if (short) { return \"u\"; } return \"users\" + this.size(); }",
       "rooms": "    void clear(java.util.List<String> rooms) { for (String r : rooms) { rooms.remove(r); } }"}


def test_a_list_of_one_methods_calls_naming_the_same_constants_has_no_behaviour():
    """ogema-widgets: seven pages' `setDependencies`, each the trigger of its own widgets, one
    `triggerAction(widget, TriggeringAction.POST_REQUEST, TriggeredAction.GET_REQUEST)` after
    another, had been its first proposal: the constants each call names are the list's, not logic."""
    fields = {"pushover": ["receiverField", "receivers", "senderField", "alert", "senderSelector", "senders"],
              "users": ["userField", "userList", "roleField", "roleSelector", "groupField", "groups"],
              "rooms": ["roomField", "roomList", "sensorField", "sensorSelector", "actorField", "actors"]}
    sources = {name: TRIGGERS.format(name=name, cls=name.title(), own=PAGES_OWN[name], calls="\n".join(
        f"        {f}Trigger.triggerAction({f}, TriggeringAction.POST_REQUEST, TriggeredAction.GET_REQUEST);"
        for f in fs)) for name, fs in fields.items()}
    [candidate] = judged(sources, "Page.java", "java")
    assert candidate.cluster.name == "setDependencies"
    assert candidate.verdict == "watching" and candidate.cluster.nature == "no behaviour"


VAR_TABLE = """\
(ns babashka.impl.{name}
  (:require [{name}.core :as {name}] [sci.core :as sci :refer [copy-var]]))

(def tns (sci/create-ns '{name}.core nil))

(def {name}-namespace
  {{'read-{name} (copy-var {name}/read-{name} tns)
   'write-{name} (copy-var {name}/write-{name} tns)
   'open-{name} (copy-var {name}/open-{name} tns)
   'close-{name} (copy-var {name}/close-{name} tns)
   'flush-{name} (copy-var {name}/flush-{name} tns)}})
"""


def test_a_lisp_definition_of_a_table_written_as_calls_of_one_function_has_no_behaviour():
    """babashka: each namespace's `def` of its vars, `{'alloc (copy-var ffi/alloc tns) …}`, had been
    its first proposal, and the modules holding little else its second: a list written as calls,
    each copy its own list."""
    found = judged({name: VAR_TABLE.format(name=name) for name in ("bencode", "ffi", "pprint")}, "ns.clj", "clojure")
    assert found and all(c.cluster.nature == "no behaviour" and c.verdict == "watching" for c in found)
    table = analyse_bytes(VAR_TABLE.format(name="ffi").encode(), "clojure")[2]
    assert [unit[8] for unit in table if unit[1] == "ffi-namespace"] == [0]  # its behaviour
    two = "\n".join(line for line in VAR_TABLE.format(name="bencode").splitlines()
                    if "open-" not in line and "close-" not in line and "flush-" not in line) + "})\n"
    assert [unit[8] for unit in analyse_bytes(two.encode(), "clojure")[2] if unit[0] == "module"] == [0]


def test_a_call_repeated_among_others_is_behaviour():
    """Calling two names three times each is a list; three names, or one called twice among
    others, is logic (a distance: `sqrt(pow(dx, 2) + pow(dy, 2))`)."""
    units = {unit.name: unit.behaviour for unit in shapes("geo", """
def listed():
    register(a); register(b); register(c); register(d); register(e); register(f)

def distance(dx, dy):
    return sqrt(pow(dx, 2) + pow(dy, 2))
""", "lib/geo/geo.py")}
    assert units["listed"] == 0 and units["distance"] == 3


INSTANCE = """\
static int create_instance(instance_conf **result)
{{
    instance_conf *inst = malloc(sizeof(instance_conf));
    inst->next = NULL;
    inst->ruleset = NULL;
    inst->{own} = NULL;
    inst->tag = NULL;
    inst->severity = LOG_NOTICE;
    inst->facility = LOG_LOCAL0;
    inst->dedup = 1;
    inst->stopping = 0;
    *result = inst;
    return 0;
}}
"""


def test_a_run_of_assignments_around_one_allocation_fills_a_structure_and_has_no_behaviour():
    """rsyslog's plugins' `createInstance` (`malloc`, then each field its default) and OpenSC's
    card drivers' `sc_get_driver` (the ISO operations copied, each operation then its own
    function) had been the first proposals: each copy fills its own structure. Assignments
    around computation are logic."""
    plugins = ("imfile", "imtcp", "omhttp")
    [filled] = judged({name: INSTANCE.format(own=f"{name}_path") for name in plugins}, "plugin.c", "c")
    assert filled.cluster.nature == "no behaviour" and filled.verdict == "watching"
    computed = {name: INSTANCE.format(own=f"{name}_path").replace("inst->dedup = 1;", (
        "inst->dedup = lookup(inst->tag) ? open_dedup(inst->facility) : 0;\n    validate(inst);")) for name in plugins}
    [worked] = judged(computed, "plugin.c", "c")
    assert worked.cluster.nature == "logic"


DECLARED = """\
class {model}Serializer(NestedSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="{app}-api:{model_l}-detail")
    {count} = serializers.IntegerField(read_only=True)
    _depth = serializers.IntegerField(source="level", read_only=True)
    parent = serializers.PrimaryKeyRelatedField(queryset=models.{model}.objects.all(), required=False)

    class Meta:
        model = models.{model}
        fields = ["id", "url", "display", "name", "slug", "{count}", "_depth", "parent"]
"""


def test_classes_declaring_fields_with_calls_have_no_behaviour_but_one_method_gives_them_some():
    """netbox's serializers and forms: their calls build fields; a method is logic again."""
    apps = (("dcim", "Region", "site_count"), ("tenancy", "TenantGroup", "tenant_count"),
            ("wireless", "LanGroup", "lan_count"))
    sources = {app: DECLARED.format(app=app, model=model, model_l=model.lower(), count=count)
               for app, model, count in apps}
    [candidate] = judged(sources)
    assert candidate.cluster.nature == "no behaviour" and candidate.verdict == "watching"
    method = "\n    def get_display(self, obj):\n        return obj.name.upper() + self.context.get('suffix', '')\n"
    [candidate] = judged({app: source + method for app, source in sources.items()})
    assert candidate.cluster.nature != "no behaviour"


ICON_TABLE = """\
class {set}IconProvider : BaseIconProvider
{{
    private static Dictionary<IconName, string> names = new()
    {{
{entries}
    }};

    public override string IconFixedWidth() => "{prefix}-fw";

    public override string GetIconName( IconName iconName, IconStyle iconStyle )
    {{
        names.TryGetValue( iconName, out var name );
        return name;
    }}
}}
"""
ICON_NAMES = ("Add", "Adjust", "Alert", "AlertOff", "AlignCenter", "AlignJustify", "AlignLeft", "AlignRight",
              "Angry", "ArrowDown", "ArrowLeft", "ArrowRight", "ArrowUp", "Asterisk", "Award", "Backspace")


def test_a_class_mostly_one_table_lays_out_data():
    """Blazorise's icon providers: a 360-line table from `IconName` to the set's own icon beside
    six short overrides; the tables' shared keys had made the classes its first proposal (fields
    built by calls of their own beside a method stay logic: the serializers above)."""
    sources = {f"icons-{icon_set.lower()}": ICON_TABLE.format(
        set=icon_set, prefix=icon_set[:2].lower(),
        entries="\n".join(f"        {{ IconName.{name}, {icon_set}Icons.{name}{icon_set} }}," for name in ICON_NAMES))
        for icon_set in ("Bootstrap", "Material", "FontAwesome")}
    found = judged(sources, "Provider.cs", "csharp")
    tables = [c for c in found if c.cluster.representative.kind == "class"]
    assert tables and all(c.cluster.nature == "no behaviour" and c.verdict != "proposed" for c in tables)


JSON_MODEL = """\
package com.sos.joc.model.{package};

import org.apache.commons.lang3.builder.EqualsBuilder;
import org.apache.commons.lang3.builder.HashCodeBuilder;
import org.apache.commons.lang3.builder.ToStringBuilder;

public class {name} {{

    @JsonProperty("{first}")
    private String {first};
    @JsonProperty("{second}")
    private List<String> {second} = new ArrayList<String>();
    @JsonProperty("auditLog")
    private AuditParams auditLog;

    public String get{First}() {{
        return {first};
    }}

    public void set{First}(String {first}) {{
        this.{first} = {first};
    }}

    public List<String> get{Second}() {{
        return {second};
    }}

    public void set{Second}(List<String> {second}) {{
        this.{second} = {second};
    }}

    public AuditParams getAuditLog() {{
        return auditLog;
    }}

    public void setAuditLog(AuditParams auditLog) {{
        this.auditLog = auditLog;
    }}

    @Override
    public String toString() {{
        return new ToStringBuilder(this).append("{first}", {first}).append("{second}", {second}).append("auditLog", auditLog).toString();
    }}

    @Override
    public int hashCode() {{
        return new HashCodeBuilder().append({first}).append({second}).append(auditLog).toHashCode();
    }}

    @Override
    public boolean equals(Object other) {{
        if (other == this) {{
            return true;
        }}
        if ((other instanceof {name}) == false) {{
            return false;
        }}
        {name} rhs = (({name}) other);
        return new EqualsBuilder().append({first}, rhs.{first}).append({second}, rhs.{second}).append(auditLog, rhs.auditLog).isEquals();
    }}
{more}
}}
"""


def test_a_class_of_accessors_and_its_value_protocol_lays_out_data():
    """sos-components' 1,295 models of its REST API's JSON, written by a generator that leaves
    no banner: fields, their getters and setters, `toString`, `hashCode` and `equals`; 14 alike
    had been its first proposal. A method doing something else is logic again."""
    models = (("calendar", "CalendarDocuFilter", "calendar", "documentation"),
              ("board", "BoardsDeps", "board", "dependencies"), ("folders", "FolderFilter", "folder", "permissions"))

    def found(more: str = ""):
        sources = {package: JSON_MODEL.format(package=package, name=name, first=first, First=first.title(),
                                              second=second, Second=second.title(), more=more)
                   for package, name, first, second in models}
        return [c for c in judged(sources, "Model.java", "java") if c.cluster.representative.kind in ("class", "module")]

    assert found() and all(c.cluster.nature == "no behaviour" and c.verdict != "proposed" for c in found())
    method = ("\n    public boolean isEmpty() {\n        if (auditLog == null) {\n            return true;\n        }\n"
              "        return auditLog.getComment().trim().isEmpty();\n    }\n")
    assert any(c.cluster.nature == "logic" for c in found(method))


REST_HANDLER = """\
package com.wazuh.contentmanager.rest.service;

import static org.opensearch.rest.RestRequest.Method.DELETE;

/** REST handler for deleting {name} resources. Delegates to transport layer. */
public class RestDelete{name}Action extends AbstractDeleteAction {{

    private static final String ENDPOINT_NAME = "content_manager_{lower}_delete";

    @Override
    public String getName() {{
        return ENDPOINT_NAME;
    }}

    @Override
    public List<Route> routes() {{
        return List.of(new Route(DELETE, PluginSettings.{upper}S_URI + "/{{id}}"));
    }}

    @Override
    protected ActionType<ContentResponse> getActionType() {{
        return Delete{name}Action.INSTANCE;
    }}
{more}}}
"""


def test_a_class_whose_methods_each_answer_a_constant_declares():
    """wazuh-indexer-plugins: fifteen REST handlers, each overriding its base's `getName`,
    `routes` and `getActionType` with one `return` of its own constants (the logic is the base's,
    `AbstractDeleteAction`); the classes had been its second proposal. A method computing
    something is logic again."""
    names = ("Decoder", "Filter", "Integration", "Kvdb")

    def found(more: str = ""):
        sources = {name.lower(): REST_HANDLER.format(name=name, lower=name.lower(), upper=name.upper(), more=more)
                   for name in names}
        return [c for c in judged(sources, "Handler.java", "java") if c.cluster.representative.kind in ("class", "module")]

    assert found() and all(c.cluster.nature == "no behaviour" and c.verdict != "proposed" for c in found())
    method = ("\n    @Override\n    protected String describe(RestRequest request) {\n"
              "        return request.method() + \" \" + request.path().trim();\n    }\n")
    assert any(c.cluster.nature == "logic" for c in found(method))


STORES = """\
from localstack.aws.api.{service} import {model}
from localstack.services.stores import AccountRegionBundle, BaseStore, LocalAttribute
from localstack.utils.tagging import Tags


class {title}Store(BaseStore):
    # maps names to their descriptions
    {field}: dict[str, {model}] = LocalAttribute(default=dict)
    tags: Tags = LocalAttribute(default=Tags)
    {other}: dict[str, str] = LocalAttribute(default=dict)


{service}_stores = AccountRegionBundle("{service}", {title}Store)
"""


def test_modules_declaring_a_class_of_fields_and_its_instance_have_no_behaviour():
    """localstack's services' `models.py`: a store of fields and the bundle holding it, per
    service, had been its first proposal; a function in the module is logic again."""
    services = (("firehose", "DeliveryStreamDescription", "delivery_streams", "destinations"),
                ("route53", "DelegationSet", "delegation_sets", "health_checks"),
                ("opensearch", "DomainStatus", "domains", "packages"))
    sources = {service: STORES.format(service=service, title=service.title(), model=model, field=field, other=other)
               for service, model, field, other in services}
    modules = [c for c in judged(sources, file="models.py") if c.cluster.members[0].kind == "module"]
    assert [c.cluster.nature for c in modules] == ["no behaviour"] and modules[0].verdict == "watching"
    helper = "\n\ndef store_of(account, region):\n    return {service}_stores[account][region].tags.get(region, {{}})\n"
    sources = {service: source + helper.format(service=service) for service, source in sources.items()}
    modules = [c for c in judged(sources, file="models.py") if c.cluster.members[0].kind == "module"]
    assert modules and all(c.cluster.nature != "no behaviour" for c in modules)


SERVICES = """\
<?php

declare(strict_types=1);

use Mautic\\CoreBundle\\DependencyInjection\\MauticCoreExtension;
use Symfony\\Component\\DependencyInjection\\Loader\\Configurator\\ContainerConfigurator;

{opening} function (ContainerConfigurator $configurator): void {{
    $services = $configurator->services()->defaults()->autowire()->autoconfigure()->public();
    $excludes = ['Services', 'Integration'];
    $services->load('MauticPlugin\\\\{bundle}\\\\', '../')
        ->exclude('../{{'.implode(',', array_merge(MauticCoreExtension::DEFAULT_EXCLUDES, $excludes)).'}}');
}}{closing};
"""


def test_php_files_returning_their_configuration_have_no_behaviour():
    """Mautic's bundles each keep a Symfony `Config/services.php` returning the container's
    set-up: it had been its first proposal, though every bundle needs its own. The same code
    run by the file (not returned) is behaviour again."""
    bundles = ("MauticCrmBundle", "MauticGmailBundle", "MauticZapierBundle")
    returned = {bundle: SERVICES.format(bundle=bundle, opening="return", closing="") for bundle in bundles}
    modules = [c for c in judged(returned, file="Config/services.php", language="php")
               if c.cluster.members[0].kind == "module"]
    assert [c.cluster.nature for c in modules] == ["no behaviour"] and modules[0].verdict == "watching"
    run = {bundle: SERVICES.format(bundle=bundle, opening="$container->load(", closing=")") for bundle in bundles}
    modules = [c for c in judged(run, file="Config/services.php", language="php")
               if c.cluster.members[0].kind == "module"]
    assert modules and all(c.cluster.nature != "no behaviour" for c in modules)
    # SugarCRM's module metadata: each statement assigns a variable, after the guard against
    # direct access every file opens with (SuiteCRM's 119 modules' `metadata/SearchFields.php`,
    # which had been its first proposal once `include/` was read)
    fields = ", ".join(f"'field{n}' => array('query_type' => 'default', 'enable_range_search' => true)"
                       for n in range(12))
    guard = "if (!defined('sugarEntry') || !sugarEntry) {\n    die('Not A Valid Entry Point');\n}\n"
    metadata = {module: f"<?php\n{guard}global $current_user;\n$module_name = '{module}';\n"
                        f"$searchFields[$module_name] = array({fields}, 'user' => $current_user->name);\n"
                for module in ("Calls", "Notes", "Tasks")}
    modules = [c for c in judged(metadata, file="metadata/SearchFields.php", language="php")
               if c.cluster.members[0].kind == "module"]
    assert [c.cluster.nature for c in modules] == ["no behaviour"]


LOG_FUNCTION = """\
# frozen_string_literal: true

# Logs a message on the server at level `{level}`.
Puppet::Functions.create_function(:{level}, Puppet::Functions::InternalFunction) do
  # @param values The values to log.
  # @return [Undef]
  dispatch :{level} do
    scope_param
    repeated_param 'Any', :values
    return_type 'Undef'
  end

  def {level}(scope, *values)
    {body}
  end
end
"""


def test_modules_declaring_around_functions_that_forward_are_delegations():
    """puppet's log functions, a file each (`alert.rb`, `crit.rb` …): a declaration of the
    function's signature around a method handing its work to `Log.log_func`, where the logic is.
    They had been its first proposal; a branch of their own is logic again."""
    levels = ("alert", "crit", "debug")
    forwarding = "Puppet::Util::Log.log_func(scope, :{level}, values)"
    sources = {level: LOG_FUNCTION.format(level=level, body=forwarding.format(level=level)) for level in levels}
    modules = [c for c in judged(sources, file="functions.rb", language="ruby")
               if c.cluster.members[0].kind == "module"]
    assert modules and all(c.cluster.nature == "delegation" and c.verdict != "proposed" for c in modules)
    branching = "return if values.empty?\n    " + forwarding
    sources = {level: LOG_FUNCTION.format(level=level, body=branching.format(level=level)) for level in levels}
    modules = [c for c in judged(sources, file="functions.rb", language="ruby") if c.cluster.members[0].kind == "module"]
    assert modules and all(c.cluster.nature == "logic" for c in modules)


HANDLER_MANIFEST = """\
from mindsdb.integrations.libs.const import HANDLER_TYPE

from .__about__ import __version__ as version, __description__ as description
try:
    from .{name}_handler import {title}Handler as Handler
    import_error = None
except Exception as e:
    Handler = None
    import_error = e

title = '{title}'
name = '{name}'
type = HANDLER_TYPE.ML
icon_path = 'icon.svg'
permanent = False
{extra}
__all__ = [
    'Handler', 'version', 'name', 'type', 'title', 'description', 'import_error', 'icon_path'
]
"""


def test_modules_that_call_nothing_have_no_behaviour_whatever_they_branch_on():
    """mindsdb's 32 handlers' `__init__.py`: the handler's import tried and its error kept, beside
    its name and type; they had been its first proposal. A call of the module's own is work."""
    names = (("bedrock", "Bedrock"), ("anthropic", "Anthropic"), ("bigquery", "Bigquery"))
    sources = {name: HANDLER_MANIFEST.format(name=name, title=title, extra="") for name, title in names}
    modules = [c for c in judged(sources, file="__init__.py") if c.cluster.members[0].kind == "module"]
    assert [c.cluster.nature for c in modules] == ["no behaviour"] and modules[0].verdict == "watching"
    extra = "register_handler(name, Handler, logger=get_logger(name))\n"
    sources = {name: HANDLER_MANIFEST.format(name=name, title=title, extra=extra) for name, title in names}
    modules = [c for c in judged(sources, file="__init__.py") if c.cluster.members[0].kind == "module"]
    assert modules and all(c.cluster.nature != "no behaviour" for c in modules)


def test_handlers_forwarding_to_a_method_of_their_own_name_are_delegations():
    sources = {name: HANDLER.format(op=op, key=key, other=other, arg=arg, arg2=arg2, out=out)
               for name, (op, key, other, arg, arg2, out) in zip(("kms", "events", "tags"), OPERATIONS)}
    [candidate] = judged(sources)
    assert candidate.cluster.nature == "delegation" and candidate.verdict == "watching"
    assert any(reason.startswith("delegation:") for reason in candidate.missing)


ENTRY_POINT = """\
package com.alibaba.nacos.{pkg};

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@EnableScheduling
@SpringBootApplication(scanBasePackages = "com.alibaba.nacos.{pkg}")
public class {title}App {{

    public static void main(String[] args) {{
        SpringApplication.run({title}App.class, args);
    }}
}}
"""


def test_a_class_whose_every_method_hands_its_work_on_is_a_delegation_one_that_works_is_not():
    """nacos: each module's Spring Boot application, `main` running SpringApplication.run: the
    entry point's logic is the framework's, so nothing to extract."""
    modules = ("address", "cmdb", "console")
    sources = {name: ENTRY_POINT.format(pkg=name, title=name.title()) for name in modules}
    for candidate in judged(sources, "App.java", "java"):
        assert candidate.cluster.nature == "delegation" and candidate.verdict == "watching"
    working = "        int port = Integer.parseInt(System.getProperty(\"port\", \"8848\"));\n"
    sources = {name: source.replace("        SpringApplication.run", working + "        SpringApplication.run")
               for name, source in sources.items()}
    assert all(candidate.cluster.nature != "delegation" for candidate in judged(sources, "App.java", "java"))


AST_NODE = """\
<?php

declare(strict_types=1);

namespace Doctrine\\ORM\\Query\\AST;

use Doctrine\\ORM\\Query\\SqlWalker;

class {title} extends Node
{{
    public function __construct(public ConditionalExpression $conditionalExpression, public bool $negated = false)
    {{
    }}

    public function dispatch(SqlWalker $walker): string
    {{
        return $walker->walk{title}($this);
    }}
}}
"""


SYSTEM_PROPERTY = """\
package com.baidu.bifromq.sysprops.props;

import com.baidu.bifromq.sysprops.BifroMQSysProp;
import com.baidu.bifromq.sysprops.parser.IntegerParser;

public final class {title} extends BifroMQSysProp<Integer, IntegerParser> {{
    public static final {title} INSTANCE = new {title}();

    private {title}() {{
        super("{key}", {default}, IntegerParser.POSITIVE);
    }}
}}
"""


def test_a_module_whose_class_hands_its_work_on_is_a_delegation():
    """bifromq's 27 system properties, a file each: a singleton whose constructor hands its name,
    default and parser to `BifroMQSysProp`'s, where the logic is. Their modules had been its first
    proposal; a module calling something of its own beside the class is not one."""
    names = ("MaxInflights", "SessionLimit", "TopicLevels")
    sources = {name.lower(): SYSTEM_PROPERTY.format(title=name, key=name.lower(), default=16 * len(name))
               for name in names}
    modules = [c for c in judged(sources, "Prop.java", "java") if c.cluster.members[0].kind == "module"]
    assert modules and all(c.cluster.nature == "delegation" and c.verdict != "proposed" for c in modules)
    working = {name: source.replace("    public static final", "    static { Registry.register(Limits.read()); }\n"
                                    "    public static final") for name, source in sources.items()}
    modules = [c for c in judged(working, "Prop.java", "java") if c.cluster.members[0].kind == "module"]
    assert modules and all(c.cluster.nature != "delegation" for c in modules)


def test_a_class_of_fields_and_methods_handing_their_work_on_is_a_delegation():
    """doctrine's AST nodes, forty of them: a constructor that only stores its arguments and
    `dispatch` calling the walker's method for the node (a visitor's double dispatch). Their
    one call is the walker's, so there is nothing of theirs to extract; one that works is logic."""
    sources = {name: AST_NODE.format(title=name.title()) for name in ("whereclause", "havingclause", "fromclause")}
    candidates = judged(sources, "Node.php", "php")
    assert candidates and all(c.cluster.nature == "delegation" and c.verdict == "watching" for c in candidates)
    working = "        if ($this->negated) {{\n            return 'NOT ' . $walker->walk{title}($this);\n        }}\n"
    node = AST_NODE.replace("        return $walker", working + "        return $walker")
    sources = {name: node.format(title=name.title()) for name in ("whereclause", "havingclause", "fromclause")}
    assert all(c.cluster.nature != "delegation" for c in judged(sources, "Node.php", "php"))


WIRING = """\
package {store}

func New{title}Store(logger Logger, settings Settings) Store {{
\tstore := &{title}Store{{
\t\tfeatures: []Feature{{FeatureETag, FeatureTransactional, FeatureTTL}},
\t\tlogger:   logger,
\t\tsettings: settings,
\t\tretries:  3,
\t\ttimeout:  30,
\t\tname:     "{store}",
\t}}
\tstore.BulkStore = NewDefaultBulkStore(store){more}
\treturn store
}}
"""


def test_a_unit_making_one_call_and_branching_nowhere_is_a_delegation_two_calls_are_not():
    """dapr's constructors: a struct literal, `NewDefaultBulkStore`, return; the logic is the callee's."""
    stores = ("redis", "etcd", "mongo")
    [candidate] = judged({name: WIRING.format(store=name, title=name.title(), more="") for name in stores}, "m.go", "go")
    assert candidate.cluster.nature == "delegation" and candidate.verdict == "watching"
    checked = "\n\tstore.Check(settings)"
    [candidate] = judged({name: WIRING.format(store=name, title=name.title(), more=checked) for name in stores}, "m.go", "go")
    assert candidate.cluster.nature != "delegation"


ENTRY = """\
import asyncio

from {pkg}.server import serve_forever


def {name}():
    return asyncio.run(serve_forever(host="0.0.0.0", port=8080, workers=4, reload=False, log_level="info",
                                     access_log=True, banner="{pkg} service"))
"""


def test_an_entry_point_starting_one_thing_through_a_wrapper_is_a_delegation():
    """duplicati: eight executables' `Main => CrashlogHelper.WrapWithCrashLog(() => X.MainAsync(args))`,
    first of its backlog: each program needs its own entry point. The same two calls elsewhere work."""
    programs = ("agent", "server", "tray")
    [entry] = judged({program: ENTRY.format(pkg=program, name="main") for program in programs})
    assert entry.cluster.nature == "delegation" and entry.verdict == "watching"
    [other] = judged({program: ENTRY.format(pkg=program, name="start") for program in programs})
    assert other.cluster.nature == "logic"


SPRING_MAIN = """\
package fr.cnes.regards.microservices.{pkg};

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/** Start microservice {title} */
@SpringBootApplication(scanBasePackages = {{ "fr.cnes.regards.modules", "fr.cnes.regards.contrib" }})
@MicroserviceInfo(name = "{title}", version = "1.0-SNAPSHOT")
public class Application {{

    private static final Logger LOGGER = LoggerFactory.getLogger(Application.class);

    public static void {name}(final String[] args) {{
        try {{
            SpringApplication.run(Application.class, args);
        }} catch (Exception e) {{
            LOGGER.error("Going to exit", e);
            System.exit(1);
        }}
    }}
}}
"""


def test_an_entry_point_starting_one_thing_and_exiting_if_it_fails_is_a_delegation():
    """regards-backend: 23 microservices' `Application.java`, each `main` running Spring Boot in a
    `try` whose `catch` logs the failure and exits, had been its first proposal: each program
    needs its own. The same calls in a method of another name are its work."""
    services = ("access", "catalog", "storage")
    found = judged({name: SPRING_MAIN.format(pkg=name, title=name.title(), name="main") for name in services},
                   "Application.java", "java")
    assert found and all(c.cluster.nature == "delegation" and c.verdict != "proposed" for c in found)
    other = judged({name: SPRING_MAIN.format(pkg=name, title=name.title(), name="start") for name in services},
                   "Application.java", "java")
    assert any(c.cluster.nature == "logic" for c in other)


QUERY_BO = """\
package zakadabar.lib.{pkg}.data

import kotlinx.serialization.Serializable
import kotlinx.serialization.builtins.ListSerializer
import zakadabar.core.data.QueryBo
import zakadabar.core.data.QueryBoCompanion

@Serializable
class {name}(
    val {field}: String
) : QueryBo<List<{result}>> {{

    override suspend fun {method}() = comm.query(this, serializer(), ListSerializer({result}.serializer()))

    companion object : QueryBoCompanion({result}.boNamespace)

}}
"""


def test_a_query_handing_itself_to_the_framework_in_one_call_is_a_delegation():
    """zakadabar-stack: its libraries' query declarations, each `execute() = comm.query(this,
    serializer(), ListSerializer(X.serializer()))` (one call, given itself and serializers built
    of names), had been its first proposal: the framework does the work. A call given what a
    computation makes (`field.trim() + suffix`) is the unit's own work."""
    queries = (("accounts", "AccountsByRole", "roleName", "AccountPublicBo"),
               ("email", "MessagesByStatus", "status", "MessageBo"),
               ("i18n", "LocalesByStatus", "status", "LocaleBo"))

    def found(argument: str = ""):
        return judged({pkg: QUERY_BO.format(pkg=pkg, name=name, field=field, result=result, method="execute")
                       .replace("comm.query(this,", "comm.query(this," + argument.format(field=field))
                       for pkg, name, field, result in queries}, "Query.kt", "kotlin")

    assert found() and all(c.cluster.nature == "delegation" and c.verdict != "proposed" for c in found())
    assert any(c.cluster.nature == "logic" for c in found(' {field}.trim() + "s",'))


BOOTSTRAP = """\
import {{ provideZoneChangeDetection }} from '@angular/core';
import {{ platformBrowserDynamic }} from '@angular/platform-browser-dynamic';
import {{ AppModule }} from './app/app.module';
import {{ environment }} from './environments/environment';

enableProdMode(environment.production, environment.{app}Flags, environment.telemetryLevel);
platformBrowserDynamic()
    .bootstrapModule(AppModule, {{ applicationProviders: [provideZoneChangeDetection({{ eventCoalescing: true }})] }})
    .catch((err) => console.error(err));
"""


def test_a_module_named_where_a_program_starts_that_only_starts_its_framework_is_a_delegation():
    """nifi: five Angular apps' `src/main.ts`, each bootstrapping its AppModule, had been proposed:
    each app needs its own. The same calls in a module of another name are the module's work."""
    apps = ("registry", "flow", "viewer")
    [entry] = judged({app: BOOTSTRAP.format(app=app) for app in apps}, "main.ts", "typescript")
    assert entry.cluster.nature == "delegation" and entry.verdict == "watching"
    [other] = judged({app: BOOTSTRAP.format(app=app) for app in apps}, "setup.ts", "typescript")
    assert other.cluster.nature == "logic"


REACT_MAIN = """\
import {{ StrictMode }} from 'react';
import {{ createRoot }} from 'react-dom/client';

import {{ initFaro, initSentry, RestApiErrorProvider }} from '@navikt/fp-app-felles';

import {{ AppIndexWrapper }} from './app/AppIndex';

const app = document.getElementById('root');
if (app === null) {{
  throw new Error('No app element');
}}

initSentry('{app}');
initFaro();

createRoot(app).render(
  <StrictMode>
    <RestApiErrorProvider>
      <AppIndexWrapper />
    </RestApiErrorProvider>
  </StrictMode>,
);
"""


def test_a_program_s_start_guarded_by_a_throw_is_a_delegation():
    """fp-frontend: three apps' `main.tsx`, the root element found or an error thrown, then the app
    rendered, had been its one proposal: each app needs its own start-up, its one branch a guard.
    A branch doing something else is a script's work."""
    apps = ("fp-frontend", "fp-avdelingsleder", "fp-journalforing")
    [entry] = judged({app: REACT_MAIN.format(app=app) for app in apps}, "main.tsx", "tsx")
    assert entry.cluster.nature == "delegation" and entry.verdict != "proposed"
    working = REACT_MAIN.replace("throw new Error('No app element');", "console.warn('no root'); render(app);")
    [other] = judged({app: working.format(app=app) for app in apps}, "main.tsx", "tsx")
    assert other.cluster.nature == "logic"


TOOLS_CLI = """\
import {{ createReportCliCommands }} from '@midscene/core';
import {{ reportCLIError, runToolsCLI }} from '@midscene/shared/cli';
import {{ {Tools} }} from './agent-tools';

declare const __VERSION__: string;
const tools = new {Tools}();

runToolsCLI(tools, 'midscene-{name}', {{
  stripPrefix: '{name}_',
  version: __VERSION__,
  extraCommands: createReportCliCommands(),
}}).catch((e) => {{
  process.exit(reportCLIError(e));
}});
"""


def test_a_command_line_s_start_that_only_runs_a_shared_runner_is_a_delegation():
    """midscene: four packages' `src/cli.ts`, each building its tools and handing them to the
    shared `runToolsCLI`, had been its first proposal: each command needs its own start, the
    runner is what they share. The same calls in a module of another name are its work."""
    tools = {"android": "AndroidTools", "ios": "IOSTools", "harmony": "HarmonyTools"}
    files = {name: TOOLS_CLI.format(name=name, Tools=cls) for name, cls in tools.items()}
    [entry] = judged(files, "cli.ts", "typescript")
    assert entry.cluster.nature == "delegation" and entry.verdict != "proposed"
    [other] = judged(files, "tools.ts", "typescript")
    assert other.cluster.nature == "logic"


ATTACHMENT_TYPES = """\
import {{ attachmentActionMap, createAttachmentTypes }} from 'components/attachments-row/attachment-helper';
import {{ getAttachmentActions, type AttachmentActions }} from 'components/attachments-row/attachment-actions';
import {{ register }} from 'components/registry';

const PREFIX: string = '{prefix}';
export const attachmentTypes: Record<keyof typeof attachmentActionMap, string> = createAttachmentTypes(
  PREFIX, attachmentActionMap.{kind},
);
export const attachmentActions: AttachmentActions = getAttachmentActions(PREFIX, attachmentTypes.{kind});
export const attachmentRow = createAttachmentTypes(PREFIX + '{prefix}Row', attachmentActionMap.row);
"""


def test_a_module_of_constants_each_made_by_a_shared_function_declares():
    """youtrack-mobile: four views' `*__attachment-actions-and-types.ts`, each its prefix handed
    to the shared factories of attachment types and actions, had been its first proposal: each
    view declares its own, the factories are what they share. A module whose call stands on its
    own, no value declared by it, does that work itself."""
    views = {"article": "articleActivity", "create": "articleCreate", "issue": "issueActivity"}
    files = {name: ATTACHMENT_TYPES.format(prefix=prefix, kind=name) for name, prefix in views.items()}
    [declared] = judged(files, "attachment-types.ts", "typescript")
    assert declared.cluster.nature == "no behaviour" and declared.verdict != "proposed"
    worked = {name: source + f"register(attachmentTypes, attachmentActions, '{name}');\n"
              for name, source in files.items()}
    [work] = judged(worked, "attachment-types.ts", "typescript")
    assert work.cluster.nature == "logic"


URL_PATTERNS = """\
from django.contrib.auth.decorators import login_required
from django.urls import path

from .views import CaseDetailView, CaseCreateView, ContactUpdateView, export_cases

app_name: str = "{app}"
urlpatterns: list = [
    path("create/", login_required(CaseCreateView.as_view()), name="case-create"),
    path("<int:pk>/view/", login_required(CaseDetailView.as_view()), name="case-detail"),
    path("<int:pk>/contact/", login_required(ContactUpdateView.as_view()), name="{app}-contact"),
    path("export/", login_required(export_cases), name="{app}-export"),
]
"""


def test_a_url_configuration_is_the_frameworks_wiring():
    """accessibility-monitoring-platform: its three case apps' `urls.py`, each a list of its views'
    routes, had been its first proposal; bk-monitor's 37, each registering its views with a router
    by a call of its own, too. Django's root URL configuration includes each app's own: neither is
    proposed, whatever it calls."""
    files = {app: URL_PATTERNS.format(app=app) for app in ("detailed", "mobile", "simplified")}
    [routes] = judged(files, "urls.py")
    assert routes.cluster.nature == "wiring" and routes.verdict != "proposed"
    registered = {app: source + "router.register(urlpatterns)\n" for app, source in files.items()}
    [work] = judged(registered, "urls.py")
    assert work.cluster.nature == "wiring" and work.verdict != "proposed"


SERVICE_MAIN = """\
package main

import (
	"os"

	"k8s.io/apimachinery/pkg/runtime"
	utilruntime "k8s.io/apimachinery/pkg/util/runtime"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"

	{name}v1beta1 "github.com/oracle/oci-service-operator/api/{name}/v1beta1"
	"github.com/oracle/oci-service-operator/pkg/manager"
	managerservices "github.com/oracle/oci-service-operator/pkg/manager/services"
)

var scheme = runtime.NewScheme()

func init() {{
	utilruntime.Must(clientgoscheme.AddToScheme(scheme))
	utilruntime.Must({name}v1beta1.AddToScheme(scheme))
}}

func main() {{
	if err := manager.Run(manager.Options{{
		Scheme:             scheme,
		MetricsServiceName: "{name}",
		LeaderElectionID:   "40558063.oci.{name}",
		SkipFIPS:           true,
	}}, managerservices.ForGroup("{name}")); err != nil {{
		os.Exit(1)
	}}
}}
"""


def test_copies_of_a_go_programs_main_file_are_its_wiring():
    """oci-service-operator: 112 services' `cmd/manager/*/main.go` had been its first proposal, each
    registering its API group and handing on to the shared `manager.Run`."""
    files = {name: SERVICE_MAIN.format(name=name) for name in ("adm", "aidocument", "aispeech")}
    found = judged(files, "main.go", "go")
    whole = [c for c in found if c.cluster.members[0].kind == "module"]
    assert whole and all(c.cluster.nature == "wiring" and c.verdict != "proposed" for c in whole)


FEATURE_HOLDER = """\
class {name}FeatureHolder @Inject constructor(
    featureContainer: FeatureContainer,
    private val router: {name}Router
) : FeatureApiHolder(featureContainer) {{

    override fun initializeDependencies(): Any {{
        val dependencies = Dagger{name}FeatureComponent_{name}FeatureDependenciesComponent.builder()
            .commonApi(commonApi())
            .accountFeatureApi(getFeature(AccountFeatureApi::class.java))
            .walletFeatureApi(getFeature(WalletFeatureApi::class.java))
            .runtimeApi(getFeature(RuntimeApi::class.java))
            .build()

        return Dagger{name}FeatureComponent.factory()
            .create(router, dependencies)
    }}
}}
"""


def test_copies_in_a_jvm_apps_dependency_injection_package_are_its_wiring():
    """nova-wallet-android: 20 features' `di/*FeatureHolder.kt`, each building its own Dagger
    components, had been its first proposal: the graph each feature's generated code builds."""
    files = {name: FEATURE_HOLDER.format(name=name.title()) for name in ("buy", "crowdloan", "currency")}
    [holders] = judged(files, "di/FeatureHolder.kt", "kotlin")
    assert holders.cluster.nature == "wiring" and holders.verdict != "proposed"


ARCHIVE_READER = """\
public static class {name}Helpers
{{
    public static {name} ReadFromArchive(ISArchiveReader reader, ushort version)
    {{
        if (version is > {name}.SERIALIZATION_VERSION or <= 0)
            throw new InvalidArchiveVersionException(version, {name}.SERIALIZATION_VERSION);

        return new {name}
        {{
            {a} = reader.ReadString()!,
            {b} = reader.ReadFloat(),
            {c} = reader.ReadBool(),
            {d} = reader.ReadObject<{name}Settings>(),
        }};
    }}
}}
"""


def test_a_record_read_field_by_field_past_a_version_guard_has_no_behaviour():
    """Thrive: 51 components' helper classes, each one `ReadFromArchive`, its version checked, then
    a new component whose every member is read from the archive, had been its first proposal: each
    type reads its own fields. A member worked out of what is read is logic."""
    fields = {"AnimationControl": ("PlayerPath", "Speed", "StopPlaying", "Settings"),
              "CollisionShapeLoader": ("ResourcePath", "Density", "ApplyDensity", "Options"),
              "CameraFollowTarget": ("TargetPath", "Distance", "Smooth", "Config")}
    files = {name.lower(): ARCHIVE_READER.format(name=name, a=a, b=b, c=c, d=d)
             for name, (a, b, c, d) in fields.items()}
    found = judged(files, "Helpers.cs", "csharp")
    assert found and all(c.cluster.nature == "no behaviour" and c.verdict != "proposed" for c in found)
    worked = {name: source.replace("reader.ReadFloat(),", "reader.ReadFloat() * scale + offset,")
              for name, source in files.items()}
    logic = judged(worked, "Helpers.cs", "csharp")
    assert logic and all(c.cluster.nature == "logic" for c in logic)


EQUALS = """\
class {cls}:
    def __init__(self, {a}, {b}):
        self.{a} = {a}
        self.{b} = {b}

    def __eq__(self, other):
        if self is other:
            return True
        if other is None or type(self) is not type(other):
            return False
        return self.{a} == other.{a} and self.{b} == other.{b} and hash(self) == hash(other)

{own}
"""
OWN = [  # each class's own code around the protocol, unlike the others'
    "    def resolve(self, table, depth=3):\n        found = []\n        for key in sorted(table):\n"
    "            while depth:\n                depth -= 1\n                found.append(table[key].strip())\n"
    "        return {k: v for k, v in zip(found, reversed(found))}\n\n"
    "    def close(self):\n        self.cid = self.path = None\n",
    "    async def fetch(self, client, retries=2):\n        try:\n            async with client.get(self.name) as r:\n"
    "                return await r.json()\n        except TimeoutError as error:\n"
    "            if retries:\n                return await self.fetch(client, retries - 1)\n"
    "            raise LookupError(self.kind) from error\n",
    "    @property\n    def secure(self):\n        return self.url.startswith('https') or self.verb in SAFE\n\n"
    "    def headers(self):\n        yield from (('x-verb', self.verb), ('x-url', self.url))\n",
]


def test_value_protocol_methods_are_never_proposed_and_say_why():
    """netty's `equals` x 9: each compares its own type's fields, a shape every value type repeats."""
    sources = {name: EQUALS.format(cls=name.title(), a=a, b=b, own=own) for name, (a, b), own
               in zip(("quic", "dns", "http"), (("cid", "path"), ("name", "kind"), ("url", "verb")), OWN)}
    candidates = judged(sources)
    [protocol] = [c for c in candidates if c.cluster.representative.name == "__eq__"]
    assert protocol.cluster.nature == "protocol" and protocol.verdict == "watching"
    assert ("value protocol: each copy compares, hashes, prints or disposes of its own type's fields (__eq__), "
            "a shape every value type repeats by design") in protocol.missing


DISPOSE = """namespace App.{ns} {{
    public partial class {cls}Form : Form {{
        protected override void Dispose(bool disposing) {{
            if (disposing && (components != null)) {{
                components.Dispose();
            }}
            Config?.Dispose();
            {own}?.Dispose();
            buffer?.Dispose();
            base.Dispose(disposing);
        }}
        {extra}
    }}
}}
"""


def test_dotnets_dispose_pattern_is_a_protocol_each_type_repeats():
    """ShareX's WinForms `Dispose(bool)` x 3 had been its first proposal: each form releases its
    own fields and its designer's components, then its base's, as .NET's dispose pattern asks."""
    extras = ("public int Count => regions.Count;",
              "private void Save(string path) { if (File.Exists(path)) { File.Delete(path); } image.Save(path); }",
              "public override string Text { get { return title; } set { title = value; Invalidate(); } }")
    sources = {name: DISPOSE.format(ns=name.title(), cls=name.title(), own=own, extra=extra)
               for (name, own), extra in zip((("capture", "gBuffer"), ("media", "preview"), ("pin", "image")), extras)}
    [candidate] = [c for c in judged(sources, "Form.cs", "csharp") if c.cluster.representative.kind == "method"]
    assert candidate.cluster.representative.name == "Dispose"
    assert candidate.cluster.nature == "protocol" and candidate.verdict == "watching"
    assert any("disposes of its own type's fields (Dispose)" in reason for reason in candidate.missing)


SHOULD_UPDATE = """import React from 'react';

export class {cls}View extends React.Component {{
  shouldComponentUpdate(nextProps, nextState) {{
    const {{ loading, {field} }} = this.state;
    const {{ theme }} = this.props;
    if (nextProps.theme !== theme) {{
      return true;
    }}
    if (nextState.loading !== loading) {{
      return true;
    }}
    if (!dequal(nextState.{field}, {field})) {{
      return true;
    }}
    return false;
  }}

  {extra}
}}
"""


def test_reacts_should_component_update_is_a_protocol_each_component_repeats():
    """Rocket.Chat's mobile app: three views' `shouldComponentUpdate` (the theme, the loading flag
    and each its own list compared) had been its first proposal: each component compares its own
    props and state, as `equals` compares a value's fields."""
    extras = ("render() { return this.state.messages.map(m => <Message key={m.id} {...m} />); }",
              "async load() { const receipts = await api.receipts(this.props.id); this.setState({ receipts }); }",
              "onSearch = text => { if (text.length > 2) { this.search(text.trim()); } };")
    sources = {name: SHOULD_UPDATE.format(cls=name.title(), field=field, extra=extra)
               for (name, field), extra in zip((("messages", "messages"), ("receipts", "receipts"),
                                                ("search", "results")), extras)}
    [candidate] = [c for c in judged(sources, "View.jsx", "javascript") if c.cluster.representative.kind == "method"]
    assert candidate.cluster.representative.name == "shouldComponentUpdate"
    assert candidate.cluster.nature == "protocol" and candidate.verdict == "watching"


def test_same_shape_with_different_calls_and_strings_is_boilerplate_with_the_number():
    sources = {name: CHECKER.format(fn=fn, error=error, message=message, lib=lib, trim=trim, mark=mark, finish=finish)
               for name, (fn, error, message, lib, trim, mark, finish) in zip(("acl", "feed", "mod"), CHECKERS)}
    [candidate] = judged(sources)
    assert candidate.cluster.nature == "boilerplate" and candidate.verdict == "watching"
    [reason] = [m for m in candidate.missing if "content" in m]
    assert reason.startswith("same shape, different content: shared vocabulary 0.")
    assert reason.endswith("< 0.30")


def test_a_member_sharing_only_the_shape_leaves_the_cluster():
    sources = {name: HARNESS.format(n=1) for name in ("acl", "feed", "mod")}
    sources["search"] = LOOKALIKE.format(n=1)
    [candidate] = judged(sources)
    assert candidate.consumers == ("acl", "feed", "mod")
    assert all(instance.shared_content == 1.0 for instance in candidate.instances)


def test_shared_content_scales_the_score():
    [logic] = judged({name: HARNESS.format(n=1) for name in ("acl", "feed", "mod")})
    sources = {name: CHECKER.format(fn=fn, error=error, message=message, lib=lib, trim=trim, mark=mark, finish=finish)
               for name, (fn, error, message, lib, trim, mark, finish) in zip(("acl", "feed", "mod"), CHECKERS)}
    [boilerplate] = judged(sources)
    assert score(logic).shared_content == 1.0 and "× 1.00 shared content" in score(logic).explanation
    assert score(boilerplate).shared_content < 0.3
    assert score(boilerplate).effort < (len(boilerplate.instances) - 1) * boilerplate.cluster.representative.size / 100


def content_of(source: str, owner: str) -> str:
    extraction = extract(source.encode(), "python")
    streams = FileStreams(extraction.tokens)
    found = file_content(extraction.tokens, streams.blind, "parens")
    return vocab(found.at, word_codes(found.words, owner), 0, len(extraction.tokens))


def test_a_copy_saying_its_owners_name_says_the_same_thing():
    kafka = content_of("def f(self):\n    return self.kafka_backend.describe(KAFKA_REGION)\n", "kafka")
    lex = content_of("def f(self):\n    return self.lex_backend.describe(LEX_REGION)\n", "lex")
    other = content_of("def f(self):\n    return self.queue_backend.describe(LEX_REGION)\n", "lex")
    assert kafka == lex and kafka != other


def test_calls_members_and_strings_are_content_parameters_and_annotations_are_not():
    words = content_of('def f(value: int) -> "Model":\n    return helper.run(value, "x")\n', "acl")
    assert words == content_of('def g(other: str) -> "Other":\n    return helper.run(other, "x")\n', "feed")
    assert words != content_of('def f(value: int) -> "Model":\n    return helper.run(value, "y")\n', "acl")


def test_names_every_other_subsystem_uses_weigh_little():
    # one character a name: "x" only the cluster's consumers use, "c" everyone does, "d" is
    # defined by a subsystem outside the cluster (its API)
    rarity = Rarity.of({"a": {"x", "c", "d"}, "b": {"x", "c", "d"}, "e": {"c"}, "f": {"c"}}, [("e", "d")])
    weights = rarity.weights(["a", "b"], "xcd")
    assert weights["x"] > weights["c"] and weights["x"] > weights["d"]


vocabs = st.text(alphabet=st.sampled_from("abcdefgh"), max_size=8).map(lambda s: "".join(sorted(set(s))))


@given(vocabs, vocabs, st.dictionaries(st.sampled_from("abcdefgh"), st.floats(0.25, 5.0)))
def test_overlap_is_symmetric_bounded_and_one_for_equal_vocabs(a, b, weights):
    assert overlap(a, b, weights) == overlap(b, a, weights)
    assert 0.0 <= overlap(a, b, weights) <= 1.0
    assert overlap(a, a, weights) == 1.0


def test_near_variants_of_one_helper_are_one_candidate_listing_its_variants():
    sources = {name: RANDOM_ID for name in ("emr", "dms", "iot")}
    sources.update({name: RANDOM_ID_VARIANT for name in ("ssm", "kms")})
    [candidate] = judged(sources)
    assert candidate.consumers == ("dms", "emr", "iot")
    [variant] = candidate.cluster.variants
    assert variant.subsystems == ("kms", "ssm") and variant.representative.name == "random_resource_id"


def units_of(source: str, language: str) -> dict[str, tuple]:
    """name -> (behaviour, forwards) of each definition the parser finds."""
    from radar.stages.analyse import analyse_bytes

    return {unit[1]: (unit[8], unit[9]) for unit in analyse_bytes(source.encode(), language)[2] if unit[1]}


def module_behaviour(source: str, language: str) -> int:
    from radar.stages.analyse import analyse_bytes

    return next(unit[8] for unit in analyse_bytes(source.encode(), language)[2] if unit[0] == "module")


def module_forwards(source: str, language: str) -> bool:
    from radar.stages.analyse import analyse_bytes

    return next(unit[9] for unit in analyse_bytes(source.encode(), language)[2] if unit[0] == "module")


def test_a_module_of_calls_of_one_or_two_names_at_its_top_is_a_list():
    """user-office-core: six deployments' dependency configurations, `mapClass(Tokens.X, PostgresX);`
    x 54 and `mapValue(Tokens.Y, createY());` x 11 at the top of each, had been its first
    proposal: each a list of its own bindings, whatever its arguments call. A module that also
    calls other names at its top, or branches, is a script's work."""
    bindings = "".join(f"mapClass(Tokens.{name}DataSource, Postgres{name}DataSource);\n"
                       for name in ("Call", "Event", "File", "Invite", "Review", "Sample"))
    config = ("import 'reflect-metadata';\nimport { mapClass, mapValue } from './utils';\n\n" + bindings
              + "mapValue(Tokens.EventBus, createApplicationEventBus());\nmapValue(Tokens.Logger, createLogger());\n")
    assert module_behaviour(config, "typescript") == 0
    script = config + "migrate(database);\nseed(database, fixtures);\n"
    assert module_behaviour(script, "typescript") > 0
    branching = config + "if (process.env.E2E) {\n  mapValue(Tokens.Mailer, fakeMailer);\n}\n"
    assert module_behaviour(branching, "typescript") > 0


def test_an_interface_lays_out_data_even_with_method_signatures_and_optional_fields():
    found = units_of("interface Config extends Base {\n  hook?: (span: Span) => void;\n  serialize(x: string): string;\n"
                     "  enabled?: boolean;\n}\n", "typescript")
    assert found["Config"] == (0, False)


def test_a_scala_case_class_of_fields_lays_out_data():
    """openai-scala-client's #1: three settings case classes of ten optional fields each; Scala's
    `case` before `class` or `object` is a modifier, not a branch, so a case class of fields
    declares them as a class does. A `case` in a `match` still branches."""
    found = units_of("final case class Settings(\n  model: Option[String] = None,\n  tools: Seq[Tool] = Nil\n)\n"
                     "case object Empty\n"
                     "class Pick {\n  def pick(x: Int): String = x match {\n    case 1 => single(x)\n"
                     "    case _ => many(x)\n  }\n}\n", "scala")
    assert found["Settings"] == (0, False) and found["Empty"] == (0, False)
    assert found["pick"][0] > 0


NOTIFIER = """\
package notify

func New(c *Config, t *Template, l *Logger) (*Notifier, error) {
\tclient, err := NewClientWithTracing(*c.HTTPConfig, "discord")
\tif err != nil {
\t\treturn nil, err
\t}
\treturn &Notifier{conf: c, tmpl: t, logger: l, client: client}, nil
}

func Retry(c *Config) (*Notifier, error) {
\tclient, err := NewClientWithTracing(*c.HTTPConfig, "discord")
\tif err != nil || c.Retries > 3 {
\t\treturn nil, err
\t}
\treturn &Notifier{conf: c, client: client}, nil
}

func Wrap(c *Config) error {
\tif err := c.Validate(); err != nil {
\t\treturn fmt.Errorf("config: %w", err)
\t}
\treturn nil
}
"""


def test_a_unit_handing_its_one_calls_error_back_is_a_delegation():
    """alertmanager's 14 notifiers' `New`: a client from the shared helper, `if err != nil { return
    nil, err }`, a struct of the arguments: ranked first, glue that no base could hold. A
    condition of its own (`|| c.Retries > 3`) or a second call (`fmt.Errorf`) is logic."""
    found = units_of(NOTIFIER, "go")
    assert found["New"][1] and not found["Retry"][1] and not found["Wrap"][1]


SHORTCUTS = """\
class Chat:
    async def send_media_group(self, media, caption=None, *, read_timeout=None):
        return await self.get_bot().send_media_group(chat_id=self.id, media=media, caption=caption,
                                                     read_timeout=read_timeout)

    async def pin(self, message_id):
        if await self.get_bot().pin_chat_message(chat_id=self.id, message_id=message_id):
            return True
        return False
"""


def test_awaiting_the_one_method_handed_the_work_is_a_delegation_an_awaited_condition_is_not():
    """python-telegram-bot's `Chat.send_media_group`, `User.send_media_group`: the bot's method
    with the chat's id, awaited; `await` is no branch of its own there. Branching on the answer
    is logic."""
    found = units_of(SHORTCUTS, "python")
    assert found["send_media_group"][1] and not found["pin"][1]


TWINS = """\
package ceph

func (r *ReconcileCephNFS) Reconcile(ctx context.Context, request reconcile.Request) (reconcile.Result, error) {
\tdefer opcontroller.RecoverAndLogException()
\treconcileResponse, nfs, err := r.reconcile(request)
\treturn reporting.ReportReconcileResult(logger, r.recorder, request, &nfs, reconcileResponse, err)
}

func (r *ReconcileCephNFS) Sync(ctx context.Context, request reconcile.Request) (reconcile.Result, error) {
\tdefer opcontroller.RecoverAndLogException()
\tresponse, nfs, err := r.reconcile(request)
\treturn reporting.ReportReconcileResult(logger, r.recorder, request, &nfs, response, err)
}
"""


def test_a_method_around_its_own_private_twin_is_a_delegation():
    """rook's controllers' `Reconcile`: a recovery deferred, `r.reconcile(request)`, the outcome
    reported through the shared helper: glue around the method doing the work, each controller's
    own. The same body around another name's method is logic."""
    found = units_of(TWINS, "go")
    assert found["Reconcile"][1] and not found["Sync"][1]
    python = units_of("class Job:\n    def run(self, when):\n        self.log('start')\n        self._run(when)\n"
                      "        self.log('end')\n", "python")
    assert python["run"][1]


REGISTERED = """\
package apache

func init() {
	component.Register(component.Registration{
		Name:  "prometheus.exporter.apache",
		Args:  Arguments{},
		Build: exporter.New(createExporter, "apache"),
	})
}

func setup() {
	component.Register(component.Registration{Name: "apache", Build: exporter.New(createExporter, "apache")})
}
"""


ANSIBLE_MODULE = """import os
from ..module_utils.module_executor import ModuleExecutor

RESOURCE_NAME = os.path.basename(__file__).replace(".py", "")


def main():
    executor = ModuleExecutor(RESOURCE_NAME)
    executor.main()


if __name__ == "__main__":
    main()
"""


def test_a_script_whose_main_hands_on_behind_its_main_guard_is_a_delegation():
    """ansible-collection-netscaleradc's 953 modules, each its documentation and a `main` handing
    the work to one `ModuleExecutor`, had been its one proposal (score 293,200): `if __name__ ==
    "__main__":` guards an entry point, no branch of the module's. A module branching elsewhere
    is logic still."""
    assert module_forwards(ANSIBLE_MODULE, "python")
    assert not module_forwards(ANSIBLE_MODULE.replace('if __name__ == "__main__":', "if os.environ.get('RUN'):"),
                               "python")


def test_a_go_packages_init_registering_what_it_holds_is_a_delegation():
    """alloy's 21 exporters' `init`, each registering its component, had been its first proposal:
    Go runs each package's `init` as it loads, its entry point, which each package needs its own
    of. Another function so written is logic; so is an `init` in another language."""
    found = units_of(REGISTERED, "go")
    assert found["init"][1] and not found["setup"][1]
    assert not units_of("function init() {\n  register(build('apache'));\n}\n", "javascript")["init"][1]


def test_a_go_packages_init_registering_a_constructor_of_its_own_is_a_delegation_whatever_it_calls():
    """Xray's 22 packages each register their config's constructor in their `init`, through a
    closure calling their own `New` (four calls in all): its first proposal, though every package
    needs its own `init`. One that branches is logic still."""
    registering = ("func init() {\n\tcommon.Must(common.RegisterConfig((*Config)(nil), "
                   "func(ctx context.Context, config interface{}) (interface{}, error) {\n"
                   "\t\treturn New(ctx, config.(*Config))\n\t}))\n}\n")
    assert units_of(registering, "go")["init"][1]
    branching = "func init() {\n\tif debug {\n\t\tsetUp(a)\n\t\tsetUp(b)\n\t}\n\tregister(New(a))\n}\n"
    assert not units_of(branching, "go")["init"][1]


def test_a_constructor_that_only_calls_its_parents_is_a_delegation():
    found = units_of("class A extends B {\n  constructor(config) { super('@x/y', VERSION, config); }\n"
                     "  run(a) { this.log(a); return this.go(a); }\n}\n", "typescript")
    assert found["constructor"] == (1, True) and found["run"] == (2, False)


# HARNESS rewritten by hand in another package: sorted, skippable, timed; the same calls and
# strings, a quarter of the syntax new (0.75 alike in structure)
DRIFTED = '''
def run_suite(name, tests, timeout={n}, quiet=False):
    passed, failed, skipped = 0, [], 0
    started = time.monotonic()
    for test in sorted(tests, key=lambda t: t.__name__):
        if getattr(test, "skip", False):
            skipped += 1
            continue
        try:
            result = test(timeout=timeout)
        except Exception as error:
            failed.append((test.__name__, repr(error)))
            continue
        if result:
            passed += 1
        else:
            failed.append((test.__name__, "returned false"))
    elapsed = time.monotonic() - started
    if not quiet:
        print("%s: %d passed, %d failed" % (name, passed, len(failed)))
        log.info("took %.1f s, %d skipped", elapsed, skipped)
    return passed, failed
'''
# DRIFTED's syntax saying other things: as far from HARNESS in structure, not in content
DRIFTED_LOOKALIKE = (DRIFTED.replace("test(timeout", "test.probe(deadline").replace("append", "push")
                     .replace("__name__", "label").replace("repr(", "str(").replace("returned false", "silent")
                     .replace("print(", "emit(").replace("monotonic", "perf_counter").replace("getattr", "hasattr")
                     .replace("log.info", "stats.record").replace("sorted(", "reversed(").replace('"skip"', '"ignored"'))


def test_a_modified_copy_saying_the_same_clusters_at_its_own_similarity_and_is_not_ready():
    [candidate] = judged({"acl": HARNESS.format(n=1), "feed": DRIFTED.format(n=1)})
    assert candidate.cluster.nature == "logic" and 0.6 <= candidate.cluster.similarity < 0.8
    assert "similar, not identical" in " ".join(c.detail for c in candidate.checks if not c.met)


def test_a_copy_that_drifted_leaves_a_cluster_of_identical_copies_as_ready_as_it_was():
    sources = {name: HARNESS.format(n=1) for name in ("acl", "feed", "mod")}
    [candidate] = judged({**sources, "search": DRIFTED.format(n=1)})
    assert candidate.verdict == "proposed" and candidate.cluster.subsystems == ("acl", "feed", "mod")


def test_a_look_alike_as_far_as_a_modified_copy_but_saying_other_things_does_not_cluster():
    assert judged({"acl": HARNESS.format(n=1), "feed": DRIFTED_LOOKALIKE.format(n=1)}) == ()


SETUP = """
import os
from setuptools import find_packages, setup

HERE = os.path.dirname(__file__)
with open(os.path.join(HERE, "README.rst"), encoding="utf-8") as readme:
    long_description = readme.read()
setup(
    packages=find_packages(where="src", exclude=("tests",)),
    package_dir={"": "src"},
    long_description=long_description,
    long_description_content_type="text/x-rst",
    install_requires=["wrapt >= 1.0.0, < 2.0.0", "packaging >= 18.0"],
    zip_safe=False,
)
"""


# version.py: a package's release stamp (rails' twelve `gem_version.rb`, each gem's own); a hidden
# file holding code, a tool's (opentelemetry-php-contrib's 47 `.php-cs-fixer.php`)
@pytest.mark.parametrize("file", ["setup.py", "conf.py", "noxfile.py", "build.config.py", "build.rs", "version.py",
                                  "gem_version.py", ".cs-fixer.py", "conanfile.py"])
def test_copies_of_a_tools_configuration_file_are_configuration_never_proposed(file):
    [candidate] = judged({name: SETUP for name in ("acl", "feed", "mod")}, file)
    assert candidate.cluster.nature == "configuration" and candidate.verdict == "watching"
    assert any(reason.startswith(f"tool configuration: the copies are files a build, test or release tool reads ({file})")
               for reason in candidate.missing)
    [same_code] = judged({name: SETUP for name in ("acl", "feed", "mod")}, "packaging.py")
    assert same_code.cluster.nature == "logic"


SWIFT_PACKAGE = """\
// swift-tools-version: 6.2
import PackageDescription

let package = Package(
  name: "{name}",
  platforms: [.iOS(.v18), .visionOS(.v1)],
  products: [.library(name: "{name}", targets: ["{name}"])],
  dependencies: [
    .package(name: "Models", path: "../Models"),
    .package(url: "https://github.com/evgenyneu/keychain-swift", branch: "master"),
  ],
  targets: [
    .target(name: "{name}", dependencies: [.product(name: "Models", package: "Models")],
            swiftSettings: [.swiftLanguageMode(.v6)]),
    .testTarget(name: "{name}Tests", dependencies: ["{name}"]),
  ]
)
"""


def test_copies_of_a_swift_packages_manifest_are_configuration():
    """IceCubesApp: its ten packages' `Package.swift`, SwiftPM's manifest written in Swift, had
    been its first proposal."""
    sources = {name: SWIFT_PACKAGE.format(name=name.title()) for name in ("env", "account", "timeline")}
    [candidate] = judged(sources, "Package.swift", "swift")
    assert candidate.cluster.nature == "configuration" and candidate.verdict == "watching"


OTP_SUPERVISOR = """\
-module({name}_sup).
-behaviour(supervisor).
-export([start_link/0, init/1]).

start_link() ->
    supervisor:start_link({{local, ?MODULE}}, ?MODULE, []).

init([]) ->
    SupFlags = #{{strategy => one_for_one, intensity => 10, period => 10}},
    Worker = #{{id => {name}_worker, start => {{{name}_worker, start_link, []}},
               restart => permanent, shutdown => 5000, type => worker}},
    {{ok, {{SupFlags, [Worker]}}}}.
"""


def test_copies_of_an_otp_applications_supervisor_are_wiring():
    """emqx: 32 apps' `*_sup.erl`, child specs around `supervisor:start_link`, had been its first
    proposal: OTP asks one of every application. The same module under another name is logic."""
    sources = {name: OTP_SUPERVISOR.format(name=name) for name in ("acl", "feed", "mod")}
    [wiring] = judged(sources, "src/x_sup.erl", "erlang")
    assert wiring.cluster.nature == "wiring" and wiring.verdict == "watching"
    assert any(reason.startswith("framework wiring: each copy starts its own package") for reason in wiring.missing)
    [logic] = judged(sources, "src/x_pool.erl", "erlang")
    assert logic.cluster.nature != "wiring"


I18N_SETUP = """\
import i18next from 'i18next';
import translations from './translations/{name}.i18n.json';

const NS = '{name}';
export const i18n = i18next.createInstance();

export async function initI18n() {{
    await i18n.init({{ lng: 'en', fallbackLng: 'en' }});
    i18n.addResourceBundle('en', NS, translations);
}}

export function t(key, options) {{
    if (!options?.ns) {{
        options = Object.assign(options ?? {{}}, {{ ns: NS }});
    }}
    return i18n.t(key, options);
}}
"""


def test_copies_of_a_packages_translation_setup_are_wiring():
    """open-ux-tools: 26 packages' `i18n.ts`, each an i18next instance with its own namespace and
    resources and the `t` reading them, had been its first proposal. The same module under
    another name is logic."""
    sources = {name: I18N_SETUP.format(name=name) for name in ("deploy", "inquirer", "preview")}
    [wiring] = judged(sources, "src/i18n.ts", "typescript")
    assert wiring.cluster.nature == "wiring" and wiring.verdict == "watching"
    assert any("i18n.ts" in reason for reason in wiring.missing)
    [logic] = judged(sources, "src/translate.ts", "typescript")
    assert logic.cluster.nature != "wiring"


@pytest.mark.parametrize("file", ["config/jest/babelTransform.py", ".storybook/main.py", ".github/scripts/release.py"])
def test_copies_in_a_tools_folder_of_configuration_are_configuration(file):
    """buildbot: its three web packages' `config/jest/babelTransform.cjs` (create-react-app's,
    ejected) had been proposed, first of the backlog."""
    [candidate] = judged({name: SETUP for name in ("acl", "feed", "mod")}, file)
    assert candidate.cluster.nature == "configuration" and candidate.verdict == "watching"


@pytest.mark.parametrize("file", ["vite/packaging.py", "src/config/packaging.py", "jest/config/packaging.py"])
def test_a_folder_named_for_a_tool_elsewhere_holds_code(file):
    [candidate] = judged({name: SETUP for name in ("acl", "feed", "mod")}, file)
    assert candidate.cluster.nature == "logic"


def test_a_tools_configuration_copied_under_another_name_too_is_configuration():
    """opentelemetry-js: fourteen `karma.conf.js` and, beside two, `karma.worker.js` and
    `karma.bench.js`: the same preset (the cluster had been "logic", first near the gate)."""
    found = [shape for name, file in (("acl", "karma.conf.js"), ("feed", "karma.conf.js"), ("mod", "karma.worker.js"))
             for shape in shapes(name, SETUP, f"lib/{name}/{file}")]
    assert [c.nature for c in cluster(found)] == ["configuration"]
    found = [shape for name, file in (("acl", "karma.conf.js"), ("feed", "worker.js"), ("mod", "worker.js"))
             for shape in shapes(name, SETUP, f"lib/{name}/{file}")]
    assert [c.nature for c in cluster(found)] == ["logic"]  # most copies are code


def test_a_modified_copy_needs_half_its_content_shared_exactly():
    """Two subsystems: every word weighs the same, so the overlap is a plain Jaccard."""
    one = [s for s in shapes("acl", HARNESS.format(n=1), "lib/acl/m.py") if s.kind != "module"]
    two = [s for s in shapes("feed", DRIFTED.format(n=1), "lib/feed/m.py") if s.kind != "module"]

    def linked(first: str, second: str) -> bool:
        found = [dataclasses.replace(one[0], vocab=first), dataclasses.replace(two[0], vocab=second)]
        return bool(cluster(found))

    assert linked("\U00020001\U00020002\U00020003", "\U00020001\U00020002\U00020004")  # 2 of 4: 0.5
    assert not linked("\U00020001\U00020002\U00020003", "\U00020001\U00020004\U00020005")  # 1 of 5


def test_a_tools_configuration_at_the_top_of_a_one_module_subsystem_is_configuration():
    found = [shape for name in ("acl", "feed", "mod") for shape in shapes(name, SETUP, "setup.py")]
    assert [c.nature for c in cluster(found)] == ["configuration"]


@given(st.lists(vocabs, max_size=50), st.dictionaries(st.sampled_from("abcdefgh"), st.floats(0.25, 5.0)))
def test_shared_content_is_each_instances_mean_overlap_with_the_others(many, weights):
    from radar.stages.content import COMPARED, shared_content

    expected = []
    for index, mine in enumerate(many):
        others = [v for other, v in enumerate(many) if other != index][:COMPARED]
        expected.append(round(sum(overlap(mine, o, weights) for o in others) / len(others), 4) if others else 1.0)
    assert shared_content(many, weights) == tuple(expected)


WORDS = st.lists(st.lists(st.sampled_from(["kafka", "Kafka", "_", "-", "x", ".", "\x01", "\0", "ka"]),
                          max_size=6).map("".join), max_size=12)


@given(WORDS, st.sampled_from(["", "ka", "kafka", "kafka-x", "x_kafka"]))
def test_word_codes_neutralise_the_owner_in_each_word_alone(words, owner):
    from radar.stages.content import _owner_pattern, word_code

    neutral = _owner_pattern(owner)
    expected = "".join(word_code(neutral.sub("\x02", w) if neutral else w) for w in words)
    assert word_codes(words, owner) == expected


def _judged_check(sources: dict[str, str], file: str = "m.py"):
    from radar.stages.gate import Check
    [candidate] = judged(sources, file)
    [check] = [c for c in candidate.checks if c.criterion == "content"]
    return candidate, check, Check


def test_each_nature_fails_the_content_criterion_with_its_reason_and_keeps_its_content():
    no_behaviour = {name: SERIALIZER.format(cls=name.title(), **{k: v for k, v in zip("abcdef", fields)},
                                            **{k + "_": v.lower() for k, v in zip("abcdef", fields)})
                    for name, fields in zip(("kms", "lambda", "redis"), FIELDS)}
    candidate, check, Check = _judged_check(no_behaviour)
    assert check == Check("content", False, "no behaviour: it only lays out data (no call, no branch, or one call over a list)")
    assert candidate.cluster.shared_content < 0.3
    delegations = {name: HANDLER.format(op=op, key=key, other=other, arg=arg, arg2=arg2, out=out)
                   for name, (op, key, other, arg, arg2, out) in zip(("kms", "events", "tags"), OPERATIONS)}
    candidate, check, Check = _judged_check(delegations)
    assert check == Check("content", False, "delegation: each copy hands its work on, in one call, to a method of its "
                                            "own name or to its parent's constructor (the logic lives in the callee)")
    assert candidate.cluster.content == (0.5, 0.5, 0.5)
    checkers = {name: CHECKER.format(fn=fn, error=error, message=message, lib=lib, trim=trim, mark=mark, finish=finish)
                for name, (fn, error, message, lib, trim, mark, finish) in zip(("acl", "feed", "mod"), CHECKERS)}
    candidate, check, Check = _judged_check(checkers)
    assert check == Check("content", False, "same shape, different content: shared vocabulary "
                                            f"{candidate.cluster.shared_content:.2f} < 0.30")


def test_a_tools_configuration_names_up_to_three_of_its_files_and_keeps_its_content():
    found = []
    for n, (name, file) in enumerate(zip(("acl", "feed", "mod", "geo"), ("setup.py", "conf.py", "noxfile.py",
                                                                        "a.config.py"))):
        found += shapes(name, SETUP.replace("README.rst", f"README-{n}.rst"), file)
    subs = [subsystem(name, [file]) for name, file in zip(("acl", "feed", "mod", "geo"),
                                                         ("setup.py", "conf.py", "noxfile.py", "a.config.py"))]
    from radar.stages.gate import Check
    [candidate] = gate(tuple((f"C-00000{i}", c) for i, c in enumerate(cluster(found))), fleet(*subs), CATCH_ALL)
    [check] = [c for c in candidate.checks if c.criterion == "content"]
    assert check == Check("content", False, "tool configuration: the copies are files a build, test or release tool reads "
                                            "(a.config.py, conf.py, noxfile.py), a preset for the tool, not shared logic")
    assert candidate.cluster.shared_content < 1.0


def _weighed(vocabs: dict[str, str], forwards: tuple[str, ...] = ()):
    """HARNESS in each subsystem, saying `vocabs[subsystem]`; some of them forwarding."""
    found = []
    for name, said in vocabs.items():
        unit = next(s for s in shapes(name, HARNESS.format(n=1), f"lib/{name}/m.py") if s.kind != "module")
        found.append(dataclasses.replace(unit, vocab=said, forwards=name in forwards))
    [weighed] = cluster(found)
    return weighed


def _chars(*numbers: int) -> str:
    return "".join(chr(0x20000 + n) for n in numbers)


def test_content_at_its_thresholds_logic_look_alikes_and_delegation_majority():
    """Three or four subsystems and no other: every word weighs the same (plain Jaccard)."""
    ten = _chars(*range(10))
    # 3 of 10 in common: exactly LOGIC_CONTENT
    assert _weighed({"acl": _chars(*range(7)), "feed": _chars(0, 1, 2, 7, 8, 9)}).nature == "logic"
    # a member sharing exactly INTRUDER_CONTENT (3 of 20 with each other) stays
    kept = _weighed({"acl": ten, "feed": ten, "mod": _chars(0, 1, 2, *range(10, 20))})
    assert [m.subsystem for m in kept.members] == ["acl", "feed", "mod"] and kept.content == (0.575, 0.575, 0.15)
    # half the members forwarding is not a majority
    half = _weighed({"acl": ten, "feed": ten, "mod": ten, "geo": ten}, forwards=("acl", "feed"))
    assert half.nature == "logic"


def test_a_word_another_subsystem_defines_says_less_than_one_it_does_not():
    from radar.stages.content import word_code

    def shared(core_defines: str) -> float:
        found = []
        for n, name in enumerate(("acl", "feed", "mod")):
            unit = next(s for s in shapes(name, HARNESS.format(n=1), f"lib/{name}/m.py") if s.kind != "module")
            found.append(dataclasses.replace(unit, vocab=word_code("shared_helper") + _chars(n)))
        found += shapes("core", f"def {core_defines}(items, limit=10):\n    return [item for item in items if item][:limit]\n",
                        "lib/core/m.py")
        [weighed] = cluster(found)
        return weighed.shared_content

    assert shared("shared_helper") < shared("something_else")


OBJC_INITIALIZER = """@implementation {cls}

- (instancetype)initWithHost:(NSString *)host version:(NSString *)version comparator:(id)comparator
{{
    self = [super init];
    if (self{check}) {{
        _host = [host copy];
        _version = [version copy];
        _comparator = comparator;
        _{field} = nil;
    }}
    return self;
}}

@end
"""


@pytest.mark.parametrize("check", ["", " != nil"])
def test_an_objective_c_initializer_storing_its_arguments_is_a_constructor_s_ceremony(check):
    """Sparkle: sixteen classes' `self = [super init]; if (self != nil) { _a = a; … } return self;`
    had been its first proposal: what every Objective-C class writes, as Python's
    `super().__init__()` and its fields."""
    sources = {name: OBJC_INITIALIZER.format(cls=name.title(), check=check, field=name)
               for name in ("host", "probe", "driver")}
    [candidate] = judged(sources, file="A.m", language="objc")  # the class, its one method inside
    assert candidate.cluster.nature == "delegation" and candidate.verdict == "watching"
    working = {name: source.replace("_comparator = comparator;", "_comparator = [comparator load:host];")
               for name, source in sources.items()}
    assert judged(working, file="A.m", language="objc")[0].verdict == "proposed"  # a message of its own is work


WITHERS = """package docspell.{name}

final case class {cls}(first: Option[String], second: Option[String], third: Option[Int]) {{
  def withFirst(value: String): {cls} =
    copy(first = Some(value){extra})

  def withSecond(value: String): {cls} =
    copy(second = Some(value))

  def withThird(value: Int): {cls} =
    copy(third = Some(value))
}}
"""
# what the rest of the fleet says: `copy` and `Some` too, the language's conventions
OTHER_SCALA = """package docspell.{name}

final case class {cls}Item(name: Option[String]) {{
  def renamed(name: String): {cls}Item = {own}(copy(name = Some(name)))
}}
"""


def test_copies_saying_only_what_the_whole_fleet_says_share_a_shape_not_logic():
    """docspell's #1: three case classes whose methods are each `copy(field = Some(x))`
    (`MimeTypeHint`, `JobTaskResult`, `SelectLiteral`): alike, and saying the same, but only
    `copy` and `Some`, which every Scala package says. Copies that also call a name of their
    own share logic."""
    consumers = {"common": "MimeTypeHint", "scheduler": "JobTaskResult", "store": "SelectLiteral"}
    others = {name: OTHER_SCALA.format(name=name, cls=name.title(), own=f"{name}Check")
              for name in ("backend", "joex", "restserver", "notification", "addons", "query", "ftspsql")}
    for extra, nature in (("", "boilerplate"), (").validatedBy(Checks.mimeTypeRules", "logic")):
        sources = {name: WITHERS.format(name=name, cls=cls, extra=extra) for name, cls in consumers.items()}
        found = [c for c in judged({**sources, **others}, "Model.scala", "scala") if len(c.cluster.members) == 3]
        assert [c.cluster.nature for c in found] == [nature], extra


PLUGIN_INDEX = """import {{ definePlugin }} from "hardhat/plugins";

const hardhat{name}Plugin = definePlugin({{
  id: "hardhat-{name}",
  hookHandlers: {{
    config: () => import("./internal/hook-handlers/config.js"),
    network: () => import("./internal/hook-handlers/network.js"),
    solidity: () => import("./internal/hook-handlers/solidity.js"),
  }},
  npmPackage: "@nomicfoundation/hardhat-{name}",
}});

export default hardhat{name}Plugin;
"""


def test_a_module_declaring_a_plugin_whose_handlers_load_lazily_has_no_behaviour():
    """hardhat: ten plugins' `index.ts`, each `definePlugin({…})` whose handlers are
    `() => import("./x.js")`, modules loaded when needed: references, as static imports are, so
    each module makes one call and declares; its first proposal had been these declarations."""
    modules = [c for c in judged({name: PLUGIN_INDEX.format(name=name) for name in ("ethers", "viem", "mocha")},
                                 "index.ts", "typescript") if c.cluster.representative.kind == "module"]
    assert [c.cluster.nature for c in modules] == ["no behaviour"] and modules[0].verdict == "watching"


CASE_TABLE = """\
module Agda.{title} where

{name} :: Term -> Either Error Bool
{name} = \\case
  TVar{{}}    -> True
  TCon{{}}    -> True
  TPrim{{}}   -> {prim}
  TDef{{}}    -> True
  TLit{{}}    -> True
  TSort{{}}   -> {sort}
  TErased{{}} -> True
  TError e  -> Left e
  _         -> Right Unknown
"""


def test_a_haskell_case_of_constructors_is_a_table_not_logic():
    """agda: eight `\\case` functions, each mapping its own constructors to `True`, `False` or
    another constructor (`isAtomic`, `eligible`, `splitErrorName` …), had been its first
    proposal: a constructor is data, and a case calling nothing is a table. One that calls a
    function in an arm is logic."""
    names = {"simplify": ("isAtomic", "True", "False"), "projection": ("eligible", "False", "True"),
             "errors": ("isSimple", "True", "True")}
    sources = {pkg: CASE_TABLE.format(title=pkg.title(), name=name, prim=prim, sort=sort)
               for pkg, (name, prim, sort) in names.items()}
    tables = judged(sources, "M.hs", "haskell")  # a module of one definition clusters as it
    assert tables and all(c.cluster.nature == "no behaviour" and c.verdict != "proposed" for c in tables)
    calling = {pkg: source.replace("TLit{}    -> True", "TLit{}    -> isLiteral (termOf t)")
               for pkg, source in sources.items()}
    logic = judged(calling, "M.hs", "haskell")
    assert logic and all(c.cluster.nature != "no behaviour" for c in logic)


OCAML_ORDER = """let compare_{name} a b =
  match a, b with
  | {first}, {first} -> 0
  | {first}, _ -> -1
  | _, {first} -> 1
  | {second}, {second} -> 0
  | {second}, _ -> -1
  | _, {second} -> 1
  | {third}, {third} -> 0
"""


def test_an_ocaml_match_of_constructors_is_a_table_not_logic():
    """rocq: four `compare` functions, each ordering its own type's constructors (`Eq`, `Le`,
    `Lt`; `QProp`, `QSProp`, `QType`; `Eq`, `Ge`, `Gt`), had been its first proposal: a
    constructor is data in OCaml as in Haskell, and a match calling nothing is a table."""
    orders = {"kernel": ("kind", "QProp", "QSProp", "QType"), "engine": ("constraint", "Eq", "Le", "Lt"),
              "micromega": ("op", "Eq", "Ge", "Gt")}
    sources = {pkg: OCAML_ORDER.format(name=name, first=first, second=second, third=third)
               for pkg, (name, first, second, third) in orders.items()}
    tables = judged(sources, "order.ml", "ocaml")
    assert tables and all(c.cluster.nature == "no behaviour" and c.verdict != "proposed" for c in tables)
    calling = {pkg: source.replace("| _, {0} -> 1".format(orders[pkg][1]),
                                   "| _, {0} -> Int.compare (rank a) (rank b)".format(orders[pkg][1]))
               for pkg, source in sources.items()}
    logic = judged(calling, "order.ml", "ocaml")
    assert logic and all(c.cluster.nature != "no behaviour" for c in logic)


LEVEL_SWITCH = """using System;
using {library};

namespace MySqlConnector.Logging;

public sealed class {name}LoggerProvider
{{
	private static {level} GetLevel(MySqlConnectorLogLevel level) => level switch
	{{
		MySqlConnectorLogLevel.Trace => {level}.{trace},
		MySqlConnectorLogLevel.Debug => {level}.Debug,
		MySqlConnectorLogLevel.Info => {level}.{info},
		MySqlConnectorLogLevel.Warn => {level}.{warn},
		MySqlConnectorLogLevel.Error => {level}.Error,
		MySqlConnectorLogLevel.Fatal => {level}.{fatal},
		_ => throw new ArgumentOutOfRangeException(nameof(level), level, "Invalid value for 'level'."),
	}};

{creates}
}}
"""
LEVELS = {"NLog": ("NLog", "LogLevel", "Trace", "Info", "Warn", "Fatal"),
          "Serilog": ("Serilog.Events", "LogEventLevel", "Verbose", "Information", "Warning", "Fatal"),
          "Log4net": ("log4net.Core", "Level", "Trace", "Info", "Warn", "Fatal")}
CREATES = {  # each adapter's own logger, unlike the others'
    "NLog": """\
	public IMySqlConnectorLogger CreateLogger(string name) =>
		new NLogLogger(LogManager.GetLogger("MySqlConnector." + name));

	public void Log(MySqlConnectorLogLevel level, string message, object?[]? args = null, Exception? exception = null)
	{
		LogLevel logLevel = GetLevel(level);
		if (m_logger.IsEnabled(logLevel))
			m_logger.Log(s_loggerType, LogEventInfo.Create(logLevel, m_logger.Name, exception, Culture, message, args));
	}""",
    "Serilog": """\
	public void Log(MySqlConnectorLogLevel level, string message, object?[]? args = null, Exception? exception = null)
	{
		if (args is null || args.Length == 0)
			m_logger.Write(GetLevel(level), exception, MessageTemplate, m_name, message);
		else
		{
			var match = s_tokenRegex.Match(message);
			while (match.Success)
			{
				m_templates.Add(match.Value);
				match = match.NextMatch();
			}
			m_logger.Write(GetLevel(level), exception, string.Join("", m_templates), args);
		}
	}""",
    "Log4net": """\
	public void Dispose()
	{
		foreach (var appender in s_repository.GetAppenders())
			appender.Close();
		s_repository.Shutdown();
	}

	private static readonly ILoggerRepository s_repository = LogManager.GetRepository(typeof(Level).Assembly);""",
}


def test_a_switch_mapping_constants_to_constants_is_a_table_not_logic():
    """MySqlConnector: each logging adapter's `GetLevel` maps the connector's log levels to its
    library's (NLog's `LogLevel.Info`, Serilog's `LogEventLevel.Information` …), a switch
    calling nothing but the exception its default throws: a table, each adapter its own, as a
    dictionary literal is. It had been the first proposal. An arm that calls is logic."""
    sources = {name.lower(): LEVEL_SWITCH.format(name=name, library=library, level=level, trace=trace, info=info,
                                                 warn=warn, fatal=fatal, creates=CREATES[name])
               for name, (library, level, trace, info, warn, fatal) in LEVELS.items()}
    assert [c.verdict for c in judged(sources, "Provider.cs", "csharp")] == ["watching"]
    calling = {name.lower(): sources[name.lower()].replace(f"=> {level}.Debug,", "=> Configured(level),")
               for name, (_, level, *_) in LEVELS.items()}
    [logic] = judged(calling, "Provider.cs", "csharp")
    assert logic.cluster.representative.name == "GetLevel" and logic.verdict == "proposed"


STATUS_SWITCH = """package org.{pkg}.tracking;

final class {name}Status {{
    static String toRemote(int status) {{
        switch (status) {{
            case Track.READING:
                return "CURRENT";
            case Track.COMPLETED:
                return "{completed}";
            case Track.PAUSED:
                return "PAUSED";
            case Track.DROPPED:
                return "DROPPED";
            case Track.PLANNING:
                return "{planning}";
            default:
                throw new IllegalStateException("Unknown status: " + status);
        }}
    }}

{extra}
}}
"""
EXTRAS = {  # each tracker's own requests, unlike the others'
    "anilist": """\
    static String query(Track track) {
        return GraphQl.query("MediaList", Map.of("userId", track.userId(), "mediaId", track.remoteId()));
    }""",
    "kitsu": """\
    static Request update(Track track, String token) {
        var body = new JSONObject().put("status", toRemote(track.status())).put("progress", track.lastRead());
        if (track.score() > 0) {
            body.put("ratingTwenty", (int) (track.score() * 2));
        }
        return Request.patch(BASE + "library-entries/" + track.libraryId(), body, token);
    }""",
    "bangumi": """\
    static List<Track> search(String query, Client client) throws IOException {
        List<Track> found = new ArrayList<>();
        for (JSONObject item : client.get(SEARCH + URLEncoder.encode(query, UTF_8)).getJSONArray("list")) {
            found.add(Track.of(item.getLong("id"), item.getString("name_cn")));
        }
        return found;
    }""",
}


def test_a_java_switch_of_cases_returning_constants_is_a_table():
    """The same table as a switch statement, each `case` returning a constant, the default
    throwing: the trackers' status names, each tracker its own (tachiyomi's `toXStatus`)."""
    names = {"anilist": ("COMPLETED", "PLANNING"), "kitsu": ("completed", "planned"), "bangumi": ("collect", "wish")}
    sources = {pkg: STATUS_SWITCH.format(pkg=pkg, name=pkg.title(), completed=completed, planning=planning,
                                         extra=EXTRAS[pkg])
               for pkg, (completed, planning) in names.items()}
    assert [c.verdict for c in judged(sources, "Status.java", "java")] == ["watching"]



STATEMENTS = """\
package org.apache.james.{name};

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static com.datastax.oss.driver.api.querybuilder.relation.Relation.column;

public class {title}Dao {{
    private static final String TABLE_NAME = "{name}";

    private Select selectStatement() {{
        {computed}return selectFrom(TABLE_NAME)
            .all()
            .where(column({a}).isEqualTo(bindMarker({a})),
                column({b}).isEqualTo(bindMarker({b})),
                column({c}).isEqualTo(bindMarker({c})));
    }}

    private Select countStatement() {{
        {computed}return selectFrom(TABLE_NAME)
            .countAll()
            .where(column({a}).isEqualTo(bindMarker({a})),
                column({b}).isEqualTo(bindMarker({b})));
    }}
{own}}}
"""
OWN = ("""
    public Flux<MessageUid> retrieve(CassandraId id) {{
        return executor.executeRows(select.bind().set(MAILBOX_ID, id.asUuid(), TypeCodecs.TIMEUUID))
            .map(row -> MessageUid.of(row.getLong(UID)))
            .filter(uid -> uid.asLong() > 0)
            .sort();
    }}
""", """
    public Mono<Long> current(QuotaKey key) {{
        if (key.isUnlimited()) {{
            return Mono.empty();
        }}
        long sum = 0;
        for (QuotaComponent component : key.components()) {{
            sum += limits.getOrDefault(component, 0L);
        }}
        return Mono.just(sum);
    }}
""", """
    public void enqueue(String bucket, Mail mail) throws IOException {{
        try (var out = store.open(bucket)) {{
            out.write(mail.serialize());
            metrics.counter("enqueued").increment();
        }} catch (StoreException e) {{
            throw new IOException("cannot enqueue " + mail.getName(), e);
        }}
    }}
""")
COLUMNS = (("MAILBOX_ID", "UID", "FLAG"), ("USER", "QUOTA_TYPE", "COMPONENT"), ("KEY", "BUCKET", "STATE"))


def test_a_function_returning_one_chain_of_calls_builds_a_value():
    """james' Cassandra DAOs build their prepared statements each as one chain of the query
    builder's calls, `selectFrom(TABLE).all().where(column(ID).isEqualTo(bindMarker(ID)))`, each
    of its own table and columns: 42 of them had been its first proposal. A query declared, as a
    literal lays one out; a statement before each return (a count kept) makes them logic again."""
    def daos(computed: str):
        return {name: STATEMENTS.format(name=name, title=name.title(), a=a, b=b, c=c, computed=computed, own=own)
                for name, (a, b, c), own in zip(("mailbox", "quota", "queue"), COLUMNS, OWN)}

    declared = [c for c in judged(daos(""), "Dao.java", "java") if c.cluster.representative.kind == "method"]
    assert declared and all(c.cluster.nature == "no behaviour" and c.verdict != "proposed" for c in declared)
    counted = judged(daos("statements.increment();\n        "), "Dao.java", "java")
    assert {c.cluster.nature for c in counted if c.cluster.representative.kind == "method"} == {"logic"}


ADAPTER = """\
package org.apache.cayenne.dba.{name};

public class {title}Adapter extends JdbcAdapter {{

    @Override
    protected NativeColumnType[] createNativeTypes() {{
        return new NativeColumnType[]{{
            NativeColumnType.of(Types.ARRAY, "ARRAY"),
            NativeColumnType.of(Types.BIGINT, "BIGINT"),
            NativeColumnType.of(Types.BINARY, {binary}),
            NativeColumnType.of(Types.BIT, "SMALLINT"),
            NativeColumnType.of(Types.BLOB, "BLOB"),
            NativeColumnType.of(Types.BOOLEAN, {boolean}),
            NativeColumnType.of(Types.CHAR, "CHAR"),
            NativeColumnType.of(Types.CLOB, "CLOB"),
            NativeColumnType.of(Types.DATE, "DATE"),
            NativeColumnType.of(Types.DECIMAL, "DECIMAL"),
            NativeColumnType.of(Types.VARCHAR, "VARCHAR"),
        }};
    }}
{own}}}
"""


def test_a_function_returning_an_array_of_calls_lays_out_a_table():
    """cayenne's database adapters each return the native types of their database as one array of
    `NativeColumnType.of(Types.X, "NAME")`: 14 such tables, each its own database's, had been its
    first proposal once its core module was read as its parts. A table returned, as a literal lays
    one out; a row computed (`"VARCHAR(" + size + ")"`) makes them logic again."""
    def adapters(boolean: str):
        return {name: ADAPTER.format(name=name, title=name.title(), binary=binary, boolean=boolean, own=own)
                for name, binary, own in zip(("db2", "derby", "h2"), ('"CHAR FOR BIT DATA"', '"BLOB"', '"BINARY"'),
                                              OWN)}

    tables = [c for c in judged(adapters('"SMALLINT"'), "Adapter.java", "java")
              if c.cluster.representative.kind == "method"]
    assert tables and all(c.cluster.nature == "no behaviour" and c.verdict != "proposed" for c in tables)
    computed = judged(adapters('"VARCHAR(" + size + ")"'), "Adapter.java", "java")
    assert {c.cluster.nature for c in computed if c.cluster.representative.kind == "method"} == {"logic"}


INSTRUMENTATION = """\
package com.microsoft.applicationinsights.agent.{name};

public class {title}Instrumentation implements TypeInstrumentation {{

    @Override
    public void transform(TypeTransformer transformer) {{
        {computed}transformer.applyAdviceToMethod(
            isMethod().and(isPublic()).and(named("{method}")).and(takesArguments({arguments})),
            {title}Instrumentation.class.getName() + "${advice}Advice");
    }}
{own}}}
"""


def test_a_method_making_one_call_of_a_chain_declares():
    """ApplicationInsights-Java's instrumentations each declare their ByteBuddy advice in
    `transform`, one `transformer.applyAdviceToMethod(isMethod().and(named("x"))…,
    X.class.getName() + "$XAdvice")` of their own methods and advice: three had been its first
    proposal. A declaration made as a call; a statement before it (a count kept) makes them logic."""
    def instrumentations(computed: str):
        return {name: INSTRUMENTATION.format(name=name, title=name.title(), method=method, arguments=n, advice=advice,
                                             computed=computed, own=own)
                for (name, method, n, advice), own in zip((("servlet", "getRequestTelemetryContext", 0, "GetContext"),
                                                           ("functions", "execute", 1, "Execute"),
                                                           ("micrometer", "add", 1, "Add")), OWN)}

    declared = [c for c in judged(instrumentations(""), "Instrumentation.java", "java")
                if c.cluster.representative.name == "transform"]
    assert declared and all(c.cluster.nature == "no behaviour" and c.verdict != "proposed" for c in declared)
    counted = judged(instrumentations("transforms.increment();\n        "), "Instrumentation.java", "java")
    assert {c.cluster.nature for c in counted if c.cluster.representative.name == "transform"} == {"logic"}


INJECTED = """import {{ Component }} from '@angular/core';

@Component({{ selector: 'app-{name}' }})
export class {title}Component {{
  constructor(
    private readonly store: Store,
    private readonly router: Router,
    private readonly {name}Service: {title}Service,
    private readonly modalService: ModalService,
    private readonly performanceService: PerformanceService,
    private readonly translateService: TranslateService,
  ) {{
    this.globalActions = new GlobalActions(store);
    this.{name}Actions = new {title}Actions(store);
    {work}
  }}

{own}
}}
"""

OWN_METHODS = {
    "messages": "  unread(list) {\n    return list.filter(m => !m.read).length;\n  }\n\n"
                "  mark(list, at) {\n    for (const m of list) {\n      m.read = m.date <= at;\n    }\n  }\n\n"
                "  latest(list) {\n    return list.reduce((a, b) => a.date > b.date ? a : b, list[0]);\n  }",
    "contacts": "  async open(id) {\n    const contact = await this.contactsService.get(id);\n"
                "    if (!contact) {\n      throw new Error('none');\n    }\n"
                "    this.router.navigate(['contacts', id]);\n  }\n\n"
                "  async remove(id) {\n    try {\n      await this.contactsService.delete(id);\n"
                "    } catch (error) {\n      console.error(error);\n    }\n  }",
    "reports": "  label(report, index) {\n    switch (report.kind) {\n      case 'a': return `${index}`;\n"
               "      default: return report.name.trim().toUpperCase();\n    }\n  }\n\n"
               "  total(reports) {\n    let sum = 0;\n    while (reports.length) {\n"
               "      sum += reports.pop().size * 2;\n    }\n    return sum;\n  }",
}


def test_a_constructor_only_setting_its_fields_from_what_is_injected_has_no_behaviour():
    """cht-core: 13 Angular components' constructors, each its own injected services and
    `this.globalActions = new GlobalActions(store)`, had been its first proposal: a constructor
    setting its fields lays out its state, each component its own. One that also does work
    (subscribes, dispatches) is logic."""
    names = ("messages", "contacts", "reports")

    def pages(work: str) -> dict[str, str]:
        return {name: INJECTED.format(name=name, title=name.title(), work=work, own=OWN_METHODS[name])
                for name in names}

    wired = judged(pages(""), "page.component.ts", "typescript")
    constructors = [c for c in wired if c.cluster.representative.name == "constructor"]
    assert constructors and all(c.cluster.nature == "no behaviour" and c.verdict != "proposed" for c in constructors)
    work = "this.store.dispatch(loadAll({ scope: this.router.url }));"
    working = judged(pages(work), "page.component.ts", "typescript")
    constructors = [c for c in working if c.cluster.representative.name == "constructor"]
    assert constructors and all(c.cluster.nature != "no behaviour" for c in constructors)


def test_a_constructor_calling_its_parents_first_then_setting_fields_has_no_behaviour():
    """Its parent's constructor first, then its own fields: state laid out all the same, in
    TypeScript as in Java; a field set from arithmetic or a lambda is work."""
    laid = ("class A extends B {\n  constructor(store, id) {\n    super(store);\n    this.id = id;\n"
            "    this.actions = new Actions(store, 'a');\n  }\n}\n")
    assert units_of(laid, "typescript")["constructor"][0] == 0
    assert units_of("class A extends B {\n  public A(Store s) {\n    super(s);\n    this.s = s;\n"
                    "    this.log = Logger.get(A.class);\n  }\n}\n", "java")["A"][0] == 0
    worked = laid.replace("this.id = id;", "this.id = id + 1;")
    assert units_of(worked, "typescript")["constructor"][0] > 0
    assert units_of(laid.replace("this.id = id;", "this.f = () => { go(id); };"), "typescript")["constructor"][0] > 0


@given(st.text(max_size=30), st.text(min_size=1, max_size=30))
def test_a_string_literal_never_says_a_name(value, name):
    """kvm-guest-drivers-windows: its service helpers' string "Service Installed\\n" hashed to the
    character of VirtIO's `vring_packed_desc_event`, so the copies had seemed to use what VirtIO
    defines, and VirtIO had been their home. Strings and names have characters apart."""
    assert word_code('\x01"Service Installed\\n"') != word_code("vring_packed_desc_event")
    assert word_code("\x01" + value) != word_code(name.lstrip("\x01") or "x")



LAYOUT = """import SnapKit
import UIKit

final class {cls}View: UIView {{
    private func setLayout() {{
        addSubview({a})
        addSubview({b})
        {a}.snp.makeConstraints {{
            $0.top.equalToSuperview().offset(16)
            $0.leading.trailing.equalToSuperview().inset(20)
            $0.height.equalTo(56)
        }}
        {b}.snp.makeConstraints {{
            $0.top.equalTo({a}.snp.bottom).offset(8)
            $0.leading.trailing.bottom.equalToSuperview()
        }}
    }}
}}
"""
SUBTITLE = """import Foundation

func {name}Subtitle(for count: Int) -> String {{
    let unit = count == 1 ? "song" : "songs"
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    guard let text = formatter.string(from: NSNumber(value: count)) else {{
        return String(describing: count) + " " + unit
    }}
    return text + " " + unit
}}
"""


def test_swift_view_layout_places_each_views_own_subviews_and_is_never_proposed():
    """wakmusic-iOS' fourteen views' `setLayout` (each its own views' SnapKit constraints, the
    copies sharing only the layout calls) had been its first proposal; the logic the features
    copy beside it is still proposed."""
    views = {"search": ("headerView", "collectionView"), "chart": ("timeLabel", "tableView"),
             "playlist": ("titleLabel", "songsView")}
    found, subs = [], []
    for name, (a, b) in views.items():
        view, text = f"lib/{name}/View.swift", f"lib/{name}/Text.swift"
        found += shapes(name, LAYOUT.format(cls=name.title(), a=a, b=b), view, "swift")
        found += shapes(name, SUBTITLE.format(name=name), text, "swift")
        subs.append(subsystem(name, [view, text]))
    candidates = gate(tuple((f"C-00000{i}", c) for i, c in enumerate(cluster(found))), fleet(*subs), CATCH_ALL)
    [layout] = [c for c in candidates if c.cluster.representative.path.endswith("View.swift")]
    assert layout.cluster.nature == "layout" and layout.verdict == "watching"
    assert any(reason.startswith("view layout: each copy places its own views") for reason in layout.missing)
    [logic] = [c for c in candidates if c.cluster.representative.path.endswith("Text.swift")]
    assert logic.cluster.nature == "logic" and logic.verdict == "proposed"


ICON = """package ui.{name}

import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.SolidColor
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.graphics.vector.path
import androidx.compose.ui.unit.dp

val {title}: ImageVector = ImageVector.Builder("{title}", 24.0.dp, 24.0.dp, 24f, 24f).apply {{
    path(fill = SolidColor(Color.Black)) {{
        moveTo({a}f, 2.5f)
        lineTo(10.1f, {b}f)
        curveTo(10.3f, 6.7f, 10.37f, {a}f, 10.42f, 6.53f)
        curveTo({b}f, 6.38f, 10.49f, 6.2f, 10.4f, 6.04f)
        lineTo(2.38f, 12.35f)
        curveTo(2.37f, 12.36f, {a}f, 12.39f, 2.3f, 12.43f)
        lineTo(9.01f, {b}f)
        curveTo(9.16f, 20.43f, 9.24f, 20.5f, {a}f, 20.55f)
        lineTo({b}f, 13.8f)
        close()
    }}
}}.build()
"""
ROUNDED_TAB = """package ui.{name}

import androidx.compose.ui.graphics.Path

fun roundedTab(path: Path, x: Float, y: Float, w: Float, h: Float, r: Float) {{
    path.moveTo(x + r, y)
    path.lineTo(x + w - r, y)
    path.quadTo(x + w, y, x + w, y + r)
    path.lineTo(x + w, y + h - r)
    path.quadTo(x + w, y + h, x + w - r, y + h)
    path.lineTo(x + r, y + h)
    path.quadTo(x, y + h, x, y + h - r)
    path.lineTo(x, y + r)
    path.quadTo(x, y, x + r, y)
    path.close()
}}
"""


def test_an_icon_drawn_as_path_calls_over_literal_points_is_a_picture_never_proposed():
    """miuix's 27 Compose icons (each an `ImageVector` whose path is `moveTo`, `lineTo` and
    `curveTo` over literal points) had been its first proposal: each copy draws its own picture.
    A path helper copied between packages, its points computed from its arguments, is still logic."""
    icons = {"search": ("Search", 4.8, 6.85), "player": ("Play", 5.2, 7.1), "profile": ("Person", 3.9, 5.5)}
    found, subs = [], []
    for name, (title, a, b) in icons.items():
        icon, tab = f"lib/{name}/{title}.kt", f"lib/{name}/Tab.kt"
        found += shapes(name, ICON.format(name=name, title=title, a=a, b=b), icon, "kotlin")
        found += shapes(name, ROUNDED_TAB.format(name=name), tab, "kotlin")
        subs.append(subsystem(name, [icon, tab]))
    candidates = gate(tuple((f"C-00000{i}", c) for i, c in enumerate(cluster(found))), fleet(*subs), CATCH_ALL)
    [picture] = [c for c in candidates if not c.cluster.representative.path.endswith("Tab.kt")]
    assert picture.cluster.nature == "drawing" and picture.verdict == "watching"
    assert any(reason.startswith("drawing: each copy draws its own picture") for reason in picture.missing)
    [helper] = [c for c in candidates if c.cluster.representative.path.endswith("Tab.kt")]
    assert helper.cluster.nature == "logic" and helper.verdict == "proposed"


@given(st.lists(st.text(alphabet="abcdef", max_size=5), min_size=1, max_size=50),
       st.dictionaries(st.sampled_from("abcdef"), st.floats(0.1, 5.0)))
def test_each_copy_s_shared_content_is_its_mean_overlap_with_the_first_others(vocabs, weights):
    """Each instance is compared with the first COMPARED others (react-native-icons' clusters of
    9k icons had built, for each, the list of every other: minutes). The same values as taking
    every other and keeping the first COMPARED."""
    from radar.stages.content import COMPARED, shared_content
    expected = []
    for index, mine in enumerate(vocabs):
        others = [v for other, v in enumerate(vocabs) if other != index][:COMPARED]
        expected.append(round(sum(overlap(mine, o, weights) for o in others) / len(others), 4) if others else 1.0)
    assert shared_content(vocabs, weights) == tuple(expected)


CLOCK_TABLES = """\
#include <fwk_element.h>
#include <mod_pik_clock.h>

static const struct mod_pik_clock_rate rate_table_{bus}[] = {{
    {{
        .rate = {rate},
        .source = MOD_PIK_CLOCK_MSCLOCK_SOURCE_SYSPLLCLK,
        .divider = CLOCK_RATE_SYSPLLCLK / {rate},
    }},
}};

static const struct fwk_element pik_clock_element_table[] = {{
    [CLOCK_PIK_IDX_{bus}] = {{
        .name = "{bus}",
        .data = &((struct mod_pik_clock_dev_config) {{
            .type = MOD_PIK_CLOCK_TYPE_MULTI_SOURCE,
            .control_reg = &PIK_SYSTEM->{bus}_CTRL,
            .rate_table = rate_table_{bus},
            .rate_count = FWK_ARRAY_SIZE(rate_table_{bus}),
            .initial_rate = PIK_CLK_RATE_{bus},
        }}),
    }},
    [CLOCK_PIK_IDX_COUNT] = {{ 0 }},
}};

static const struct fwk_element *pik_clock_get_element_table(fwk_id_t module_id)
{{
    return pik_clock_element_table;
}}

const struct fwk_module_config config_pik_clock = {{
    .elements = FWK_MODULE_DYNAMIC_ELEMENTS(pik_clock_get_element_table),
    .data = &((struct mod_pik_clock_config) {{ .count = FWK_ARRAY_SIZE(rate_table_{bus}) }}),
}};
"""

REGISTERED_HANDLER = """
DEFINE_CLOCK_HANDLER({bus}, struct fwk_event *event)
{{
    fwk_put_event(event);
    fwk_notification_notify(event, &{bus}_count);
}}
"""


def test_a_c_module_of_tables_lays_out_data_whatever_macros_its_initializers_call():
    """SCP-firmware: its products' `config_pik_clock.c`, a thousand lines of clock tables and the
    getter handing them over, had been its first proposal, `FWK_ARRAY_SIZE(…)` read as calls: C's
    file scope runs nothing, its initializers are constants. A function a macro names outside
    any function the parse sees is code."""
    buses = {"morello": "SYSAPBCLK", "n1sdp": "SCPNICCLK", "juno": "SCPI2CCLK"}
    rates = {"morello": "100", "n1sdp": "200", "juno": "400"}
    files = {name: CLOCK_TABLES.format(bus=bus, rate=rates[name]) for name, bus in buses.items()}
    modules = [c for c in judged(files, "config_pik_clock.c", "c") if c.cluster.representative.kind == "module"]
    assert [c.cluster.nature for c in modules] == ["no behaviour"] and modules[0].verdict != "proposed"
    handled = {name: source + REGISTERED_HANDLER.format(bus=buses[name]) for name, source in files.items()}
    modules = [c for c in judged(handled, "config_pik_clock.c", "c") if c.cluster.representative.kind == "module"]
    assert [c.cluster.nature for c in modules] == ["logic"]
