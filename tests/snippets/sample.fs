// A build helper, as FAKE's modules write them.
module Fake.DotNet.Build

open System
open Fake.Core

type Options =
    { Verbosity: string
      NoLogo: bool }
    static member Create() = { Verbosity = "normal"; NoLogo = true }

type Runner(name: string) =
    member this.Run(args: string list) =
        printfn "%s %A" name args
        0

let version = "1.0"

let private run (cmd: string) args =
    let result = Process.exec cmd args
    if result <> 0 then failwithf "%s failed" cmd
    result

let build setParams project =
    let opts = setParams (Options.Create())
    run "dotnet" [ "build"; project; opts.Verbosity ]
