# A collection's search, as Request Tracker's modules write them.
package RT::Assets;

use strict;
use warnings;
use base 'RT::SearchBuilder';
use RT::Asset;

sub Table { 'RT_Assets' }

sub _Init {
    my $self = shift;
    $self->{'with_disabled_column'} = 1;
    return $self->SUPER::_Init(@_);
}

sub Limit {
    my $self = shift;
    my %args = ( FIELD => undef, OPERATOR => '=', @_ );
    if ( $args{'FIELD'} eq 'Catalog' ) {
        $args{'VALUE'} = RT::Catalog->new( $self->CurrentUser )->Load( $args{'VALUE'} );
    }
    return $self->SUPER::Limit(%args);
}

1;
