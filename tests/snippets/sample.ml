(* A build rule's helpers, as dune's libraries write them. *)
open Stdune
module Log = Dune_util.Log

type t = { name : string; deps : string list }

let create ~name ~deps = { name; deps }

let rec resolve t ~lookup =
  match t.deps with
  | [] -> Ok t
  | dep :: rest ->
    (match lookup dep with
     | None -> Error (Printf.sprintf "missing %s" dep)
     | Some _ -> resolve { t with deps = rest } ~lookup)

let () = Log.info [ Pp.text "loaded" ]

module Names = struct
  let empty = []
  let add x s = x :: s
end

class printer = object
  method print x = print_endline x
end
