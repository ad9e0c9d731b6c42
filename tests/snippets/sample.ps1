# A DSC resource's get and set, as Microsoft365DSC's resources write them.
function Get-TargetResource
{
    [CmdletBinding()]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Identity
    )
    $ConnectionMode = New-M365DSCConnection -Workload 'MicrosoftGraph' -InboundParameters $PSBoundParameters
    try
    {
        $policy = Get-MgBetaPolicy -Identity $Identity -ErrorAction Stop
        return @{ Identity = $policy.Id; Ensure = 'Present' }
    }
    catch
    {
        Write-Verbose -Message "Could not find $Identity"
        return @{ Identity = $Identity; Ensure = 'Absent' }
    }
}

class PolicySettings
{
    [string]$Name

    [string] Describe()
    {
        return "Policy $($this.Name)"
    }
}
