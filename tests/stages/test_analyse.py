"""analyse.py: what reading a file says of its units beyond their shapes."""
from __future__ import annotations

import pytest

from radar.stages.analyse import _bind, analyse_bytes
from radar.stages.reading import FileWork

CPP_HEADER = b'''#pragma once
#include "core/component.h"

namespace home {
namespace sensor {

class DistanceSensor : public Component {
 public:
  void loop() override;
  float read_distance() { return this->last_ * 0.1f; }

 protected:
  float last_{0};
};

}  // namespace sensor
}  // namespace home
'''

C_HEADER = b'''#include <stddef.h>

struct buffer { char *data; size_t size; };

static inline size_t buffer_left(const struct buffer *b, size_t used) { return b->size - used; }
'''


def test_a_header_that_does_not_parse_as_c_is_read_as_cpp_and_a_c_header_stays_c():
    def shapes(data: bytes):
        work = FileWork("sensor", "sensor/distance.h", "/nonexistent", "c", None)
        return _bind(work, analyse_bytes(data, "c"))

    cpp = shapes(CPP_HEADER)
    assert not cpp.parse_error and cpp.language == "c"  # the file is still counted as what its name says
    assert {(s.kind, s.name, s.language) for s in cpp.shapes} >= {("class", "DistanceSensor", "cpp"),
                                                                  ("method", "read_distance", "cpp")}
    c = shapes(C_HEADER)
    assert not c.parse_error and {s.language for s in c.shapes} == {"c"}
    assert {s.name for s in c.shapes} >= {"buffer", "buffer_left"}
    # a C file a macro stops, saying a C++ word: no better as C++, so it stays C with what parsed
    macro = shapes(b'static const char *kind = "template";\nstatic int\nngx_cdecl tick(void) { count++; }\n'
                   b'int add(int a, int b) { return a + b; }\n')
    assert macro.parse_error and ("add", "c") in {(s.name, s.language) for s in macro.shapes}
    assert {s.language for s in macro.shapes} == {"c"}


AUDACITY_HEADER = b'''#pragma once
namespace au::appshell {
class ApplicationActionController : public IApplicationActionController
{
    INTERFACE_ID(IApplicationActionController)
public:
    bool quit(bool isAllInstances) override { return doQuit(isAllInstances); }
    void onDragEnter(QDragEnterEvent* event) { if (event) { accept(event); } }
private:
    std::vector<int> m_ids _GUARDED_BY m_mutex;
};
}
'''


def test_a_cpp_header_that_still_breaks_somewhere_as_cpp_is_read_as_cpp_where_that_keeps_more():
    """audacity: 116 headers opening `namespace au::appshell {` had been read as C, every class
    and method lost, because C++'s grammar broke on one line of them: read as C++ now when that
    keeps more units, whatever line still breaks."""
    work = FileWork("appshell", "src/appshell/applicationactioncontroller.h", "/nonexistent", "c", None)
    found = _bind(work, analyse_bytes(AUDACITY_HEADER, "c"))
    assert found.parse_error
    assert {(s.kind, s.name, s.language) for s in found.shapes} >= {("method", "quit", "cpp"),
                                                                    ("method", "onDragEnter", "cpp")}


TEMPLATE_HEADER = b'''#pragma once
template <typename T>
struct box { T value; };

int bytes_of(void) { int new_size = sizeof(struct box); int new = 1; return new_size + new; }
int count_of(void) { int delete = 2; return delete; }
static inline int clamp(int v, int lo, int hi) { if (v < lo) return lo; if (v > hi) return hi; return v; }
'''


def test_a_header_with_a_template_is_read_as_cpp_alone():
    """saga-gis: a vendored 820 KB header of templates (OTL) cost 26 s read as C, C's parser
    recovering from every template, before C++ read it in 0.3 s and kept it. A line opening with
    a template is C++'s alone: the header is read as C++, whatever C would have kept of it."""
    work = FileWork("odbc", "src/tools/db/odbc/otlv4.h", "/nonexistent", "c", None)
    found = _bind(work, analyse_bytes(TEMPLATE_HEADER, "c"))
    assert {s.language for s in found.shapes} == {"cpp"}
    assert ("class", "box") in {(s.kind, s.name) for s in found.shapes}


FLOW_MODULE = b'''// @flow strict
import type {Bundle, Graph} from './types';

export function entryOf(graph: Graph, id: string): ?Bundle {
  let found: ?Bundle = null;
  graph.traverse((bundle: Bundle) => {
    if (bundle.id === id) {
      found = bundle;
    }
  });
  return found;
}

type Options = {| +name: string, +strict?: boolean |};

export function nameOf(options: Options): string {
  const name: string = options.name.trim();
  return options.strict ? name.toUpperCase() : name;
}
'''


def test_a_flow_file_is_read_as_tsx_even_where_flow_only_forms_break_a_part_of_it():
    work = FileWork("core", "core/entry.js", "/nonexistent", "javascript", None)
    flow = _bind(work, analyse_bytes(FLOW_MODULE, "javascript"))
    # `{| |}` does not parse as TSX either, but every function with its annotations does
    assert flow.parse_error and flow.language == "javascript"
    assert {(s.kind, s.name, s.language) for s in flow.shapes} >= {("function", "entryOf", "tsx"),
                                                                   ("function", "nameOf", "tsx")}
    # without the pragma the file is JavaScript, and its annotations break every unit
    plain = _bind(work, analyse_bytes(FLOW_MODULE.replace(b"@flow strict", b"entries"), "javascript"))
    assert plain.parse_error and not plain.shapes


GNU_C = b'''#include "builtin.h"

static int show_usage(const struct option *opt UNUSED, const char *arg, int unset UNUSED)
{
	if (!arg)
		return error(_("option requires a value"));
	printf("%s\\n", arg);
	return 0;
}

int cmd_version(int argc, const char **argv, const char *prefix, struct repository *repo UNUSED)
{
	int build_options = 0;
	argc = parse_options(argc, argv, prefix, options, usage, 0);
	return print_version(build_options);
}
'''


def test_a_c_function_whose_parameters_carry_an_attribute_macro_is_a_unit_still():
    work = FileWork("builtin", "builtin/version.c", "/nonexistent", "c", None)
    found = _bind(work, analyse_bytes(GNU_C, "c"))
    assert not found.parse_error  # read with the macros as blanks, the file parses whole
    assert {(s.kind, s.name) for s in found.shapes} >= {("function", "show_usage"), ("function", "cmd_version")}
    shown = next(s for s in found.shapes if s.name == "show_usage")
    assert (shown.start_line, shown.end_line) == (3, 9)  # where they are in the file as written


NEWER_TYPESCRIPT = b'''export type * from './serializer'

export interface RouteMatch<in out TRouteId extends string, out TPath = string> {
  routeId: TRouteId
  path: TPath
}

export function redirect<TRouter extends string>(options: { to: TRouter; code?: number }) {
  if (!options.code) {
    options.code = 307
  }
  return new Response(null, { status: options.code, headers: { location: options.to } })
}

export class Router<in out TRouteTree> {
  load(tree: TRouteTree) {
    return fetchTree(tree).then((loaded) => this.commit(loaded))
  }
}
'''


@pytest.mark.parametrize("language", ["typescript", "tsx"])
def test_typescript_newer_than_the_grammar_keeps_its_units(language: str):
    """Variance annotations (`<in out T>`, TypeScript 4.7) and `export type * from` (5.0), all
    through TanStack's router packages, broke the declarations around them: read with those
    words as blanks, the file parses whole and keeps every unit, on the lines written."""
    work = FileWork("router-core", "src/route.ts", "/nonexistent", language, None)
    found = _bind(work, analyse_bytes(NEWER_TYPESCRIPT, language))
    assert not found.parse_error
    assert {(s.kind, s.name) for s in found.shapes} >= {("class", "RouteMatch"), ("function", "redirect"),
                                                        ("class", "Router"), ("method", "load")}
    shown = next(s for s in found.shapes if s.name == "redirect")
    assert (shown.start_line, shown.end_line) == (8, 13)


INTELLIJ_FORM = b'''package org.example.settings;

public class ImportsPanel extends JPanel {
    private JCheckBox sortImports;

    public boolean isModified(Settings settings) {
        return settings.sortImports != sortImports.isSelected() || settings.moved;
    }

    private void $$$setupUI$$$() {
        sortImports = new JCheckBox();
        this.$$$loadButtonText$$$(sortImports, "&Sort imports");
    }

    private void $$$loadButtonText$$$(AbstractButton component, String text) {
        StringBuffer result = new StringBuffer();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '&') i++;
            result.append(text.charAt(i));
        }
        component.setText(result.toString());
    }
}
'''

NETBEANS_FORM = b'''package org.example.gui;

public class AgentFrame extends javax.swing.JFrame {
    public AgentFrame() {
        initComponents();
    }

    @SuppressWarnings("unchecked")
    // <editor-fold defaultstate="collapsed" desc="Generated Code">//GEN-BEGIN:initComponents
    private void initComponents() {
        okButton = new javax.swing.JButton();
        okButton.setText("OK");
        pack();
    }// </editor-fold>//GEN-END:initComponents

    private void okButtonActionPerformed(java.awt.event.ActionEvent evt) {//GEN-FIRST:event_okButtonActionPerformed
        agent.send(message);
    }//GEN-LAST:event_okButtonActionPerformed
}
'''

WINFORMS_FORM = b'''namespace Example.Forms
{
    public partial class AboutForm : Form
    {
        public AboutForm()
        {
            InitializeComponent();
        }

        #region Windows Form Designer generated code

        private void InitializeComponent()
        {
            this.okButton = new System.Windows.Forms.Button();
            this.SuspendLayout();
        }

        #endregion

        private void okButton_Click(object sender, EventArgs e)
        {
            Close();
        }
    }
}
'''


@pytest.mark.parametrize("data, language, path, generated, written", [
    (INTELLIJ_FORM, "java", "settings/ImportsPanel.java", {"$$$setupUI$$$", "$$$loadButtonText$$$"}, {"isModified"}),
    (NETBEANS_FORM, "java", "gui/AgentFrame.java", {"initComponents"}, {"AgentFrame", "okButtonActionPerformed"}),
    (WINFORMS_FORM, "csharp", "Forms/AboutForm.cs", {"InitializeComponent"}, {"AboutForm", "okButton_Click"}),
])
def test_a_form_designers_members_are_its_own_and_the_rest_of_the_class_is_read(data, language, path,
                                                                                  generated, written):
    """intellij-scala: twelve settings panels' `$$$loadButtonText$$$`, which IntelliJ's GUI Designer
    writes into each form's class, had been its first proposal; NetBeans' `initComponents` between
    `GEN-BEGIN` and `GEN-END`, WinForms' `InitializeComponent` in the designer's region, likewise.
    The handlers a person writes beside them, and the class itself, are read."""
    work = FileWork("gui", path, "/nonexistent", language, None)
    names = {s.name for s in _bind(work, analyse_bytes(data, language)).shapes}
    assert written <= names and not generated & names
