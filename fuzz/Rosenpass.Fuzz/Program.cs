using Rosenpass.Fuzz;
using SharpFuzz;

// Rosenpass.Fuzz list                   names and descriptions of the targets
// Rosenpass.Fuzz seeds DIR              writes each target's seed corpus to DIR/<target>/
// Rosenpass.Fuzz fuzz TARGET            runs TARGET under afl-fuzz (SharpFuzz out-of-process mode)
// Rosenpass.Fuzz replay TARGET FILE...  runs TARGET once on each file; exit 1 if any input crashes it

string command = args.Length > 0 ? args[0] : "";
switch (command)
{
    case "list":
        foreach (var t in Harness.Targets) Console.WriteLine($"{t.Name}\t{t.Description}");
        return 0;
    case "seeds" when args.Length == 2:
        foreach (var t in Harness.Targets)
        {
            string dir = Directory.CreateDirectory(Path.Combine(args[1], t.Name)).FullName;
            foreach (var (name, bytes) in t.Seeds(Harness.Vector)) File.WriteAllBytes(Path.Combine(dir, name), bytes);
        }
        return 0;
    case "fuzz" when args.Length == 2 && Harness.Find(args[1]) is { } target:
        // The vector is read on the first input (instrumented code must not run before AFL's shared memory
        // exists) and kept for the whole process.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.ToArray());
        });
        return 0;
    case "replay" when args.Length >= 3 && Harness.Find(args[1]) is { } target:
        int crashes = 0;
        foreach (string file in args[2..])
        {
            try { target.Run(File.ReadAllBytes(file)); Console.WriteLine($"ok     {file}"); }
            catch (Exception e) { crashes++; Console.WriteLine($"CRASH  {file}: {e.GetType().Name}: {e.Message}"); }
        }
        return crashes == 0 ? 0 : 1;
    default:
        Console.Error.WriteLine("usage: Rosenpass.Fuzz list | seeds DIR | fuzz TARGET | replay TARGET FILE...");
        Console.Error.WriteLine("targets: " + string.Join(", ", Harness.Targets.Select(t => t.Name)));
        return 2;
}
